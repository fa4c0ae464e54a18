import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { MIGRATED_TEMPLATE_ENV, SHARED_DATABASE_PREFIX } from "./migrated-template";

function urlFor(database: string): string {
  const url = new URL(process.env.DATABASE_URL ?? "postgres://localhost/postgres");
  url.pathname = `/${database}`;
  return url.toString();
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

/** What the migrated schema depends on: Medusa's version (the lock file) and every plugin's built migrations and scripts. */
function schemaFingerprint(repo: string): string {
  const hash = createHash("sha256").update(readFileSync(path.join(repo, "package-lock.json")));
  const plugins = path.join(repo, "plugins");
  for (const plugin of readdirSync(plugins).sort()) {
    const built = path.join(plugins, plugin, ".medusa", "server", "src");
    for (const file of filesUnder(built).filter((f) => /[/\\](migrations|migration-scripts|links)[/\\]/.test(f)).sort()) {
      hash.update(path.relative(repo, file)).update(readFileSync(file));
    }
  }
  return hash.digest("hex").slice(0, 12);
}

/**
 * Migrates one database the way `medusa db:migrate` does in production (module migrations, links,
 * migration scripts), once per schema: each suite's database starts as a copy of it. The template is
 * named by the schema's fingerprint, so runs on the same build reuse it and a new migration makes a new one.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const commerceDir = process.cwd();
  const repo = path.resolve(commerceDir, "..");
  const template = `voltura_it_migrated_${schemaFingerprint(repo)}`;
  const admin = new Client({ connectionString: urlFor("postgres") });
  await admin.connect();
  try {
    // One run builds a template at a time; the others wait and reuse it.
    await admin.query("SELECT pg_advisory_lock(hashtext('voltura_it_migrated'))");
    const ready = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1 AND datallowconn", [template]);
    if (ready.rowCount === 0) {
      // Migrated under another name and renamed when complete: a run killed halfway leaves no template to reuse.
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      const started = Date.now();
      const migrated = spawnSync(path.join(repo, "node_modules", ".bin", "medusa"), ["db:migrate", "--execute-safe-links"], {
        cwd: commerceDir,
        env: { ...process.env, DATABASE_URL: urlFor(building), LOG_LEVEL: "error" },
        encoding: "utf8",
      });
      if (migrated.status !== 0) {
        await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
        throw new Error(`Migrating the template database failed:\n${migrated.stdout}\n${migrated.stderr}`);
      }
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
      console.log(`[integration] migrated ${template} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    process.env[MIGRATED_TEMPLATE_ENV] = template;
  } finally {
    await admin.end();
  }
  return dropSharedDatabases;
}

/** The databases this run's shared boots left (the worker is stopped without a cleanup of its own). */
async function dropSharedDatabases(): Promise<void> {
  const admin = new Client({ connectionString: urlFor("postgres") });
  await admin.connect();
  try {
    const prefix = `${SHARED_DATABASE_PREFIX}${process.pid}_`;
    const left = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    for (const { datname } of left.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
