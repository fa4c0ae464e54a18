import fs from "node:fs";
import type { DbOpsConfig } from "./config.js";
import { compareFingerprints, fingerprintDatabase } from "./fingerprint.js";
import type { BackupManifest } from "./manifest.js";
import { databaseNameOf, databaseUrlFor, dropDatabaseIfExists, quoteDatabaseName, quoteIdent, runPgTool, withClient } from "./pg.js";

/** Extensions a dump creates, with their schema: `pg_restore --list` then the statements of just those entries. */
export async function dumpExtensions(cfg: DbOpsConfig, dumpFile: string): Promise<Array<{ name: string; schema: string }>> {
  const list = await runPgTool(cfg, "pg_restore", ["--list", dumpFile], cfg.databaseUrl);
  const entries = list.split("\n").filter((line) => /^\d+; \d+ \d+ EXTENSION /.test(line));
  if (entries.length === 0) return [];
  const listFile = `${dumpFile}.extensions.list`;
  await fs.promises.writeFile(listFile, `${entries.join("\n")}\n`);
  try {
    const sql = await runPgTool(cfg, "pg_restore", ["--file=-", `--use-list=${listFile}`, dumpFile], cfg.databaseUrl);
    return [...sql.matchAll(/CREATE EXTENSION IF NOT EXISTS ("?)([\w-]+)\1 WITH SCHEMA ("?)([\w-]+)\3;/g)].map((m) => ({ name: m[2]!, schema: m[4]! }));
  } finally {
    await fs.promises.rm(listFile, { force: true });
  }
}

/**
 * Restores a pg_dump custom archive into a fresh database `databaseName` on the same server (dropped first when it
 * exists; never the database `cfg.databaseUrl` names). Extensions in `public` are created first so a missing one
 * (pgvector, pg_trgm, unaccent) fails with a clear message; then `pg_restore --no-owner --exit-on-error`.
 */
export async function restoreDumpInto(cfg: DbOpsConfig, dumpFile: string, databaseName: string): Promise<void> {
  quoteDatabaseName(databaseName);
  if (!fs.existsSync(dumpFile)) throw new Error(`No dump file at ${dumpFile}`);
  const admin = databaseUrlFor(cfg.databaseUrl, "postgres");
  const like = await withClient(admin, async (client) => {
    const { rows } = await client.query<{ encoding: string; collate: string; ctype: string }>(
      "SELECT pg_encoding_to_char(encoding) AS encoding, datcollate AS collate, datctype AS ctype FROM pg_database WHERE datname = $1",
      [databaseNameOf(cfg.databaseUrl)],
    );
    return rows[0] ?? null;
  });
  const locale = like
    ? ` ENCODING '${like.encoding}' LC_COLLATE '${like.collate.replaceAll("'", "")}' LC_CTYPE '${like.ctype.replaceAll("'", "")}'`
    : " ENCODING 'UTF8'";
  await dropDatabaseIfExists(cfg.databaseUrl, databaseName);
  await withClient(admin, (client) => client.query(
    `CREATE DATABASE ${quoteDatabaseName(databaseName)} TEMPLATE template0${locale}`,
  ));
  const target = databaseUrlFor(cfg.databaseUrl, databaseName);
  const extensions = (await dumpExtensions(cfg, dumpFile)).filter((e) => e.schema === "public");
  await withClient(target, async (client) => {
    for (const extension of extensions) {
      try {
        await client.query(`CREATE EXTENSION IF NOT EXISTS ${quoteIdent(extension.name)} WITH SCHEMA public`);
      } catch (error) {
        throw new Error(`The backup needs the PostgreSQL extension "${extension.name}", which this server cannot create: ${(error as Error).message}`);
      }
    }
  });
  await runPgTool(cfg, "pg_restore", ["--no-owner", "--exit-on-error", "--jobs=2", `--dbname=${databaseName}`, dumpFile], target);
  await withClient(target, (client) => client.query("ANALYZE"));
}

/** Row counts + checksums of a database against a manifest; names every table that differs. */
export async function compareWithManifest(databaseUrl: string, manifest: BackupManifest): Promise<{ ok: boolean; mismatches: string[] }> {
  return compareFingerprints(await fingerprintDatabase(databaseUrl), manifest.tables);
}
