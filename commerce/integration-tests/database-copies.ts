import { Client } from "pg";

/**
 * The copies the integration suites start from (medusa-runner.ts): a database made from another with
 * `STRATEGY FILE_COPY` (its files copied at once; about half the time of the default WAL_LOG on a
 * freshly migrated Medusa schema of a few dozen MB), over one admin connection per worker.
 */
let adminClient: Promise<Client> | null = null;

function adminUrl(): string {
  const url = new URL(process.env.DATABASE_URL ?? "postgres://localhost/postgres");
  url.pathname = "/postgres";
  return url.toString();
}

async function admin(): Promise<Client> {
  adminClient ??= (async () => {
    const client = new Client({ connectionString: adminUrl() });
    client.on("error", () => { adminClient = null; });
    client.on("end", () => { adminClient = null; });
    await client.connect();
    return client;
  })().catch((error: unknown) => { adminClient = null; throw error; });
  return adminClient;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function adminQuery(sql: string, params: unknown[] = []): Promise<void> {
  await (await admin()).query(sql, params);
}

/**
 * CREATE DATABASE `to` from `from`, which must have no session: the ones there (the app's pool, an
 * autovacuum worker) are ended, and the copy retried while they take a moment to go.
 */
async function createFrom(client: Client, from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [from]);
    try {
      await client.query(`CREATE DATABASE ${quoted(to)} TEMPLATE ${quoted(from)} STRATEGY FILE_COPY`);
      return;
    } catch (error) {
      if (attempt >= 20 || !String((error as Error).message).includes("being accessed by other users")) throw error;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

/**
 * `copy` becomes a copy of `live` (whose sessions, the app's pool, reconnect afterwards). Nobody may
 * connect to the copy, not even autovacuum: it stays ready to be copied back.
 */
export async function snapshotDatabase(live: string, copy: string): Promise<void> {
  const client = await admin();
  await client.query(`DROP DATABASE IF EXISTS ${quoted(copy)} WITH (FORCE)`);
  await client.query(`ALTER DATABASE ${quoted(live)} WITH ALLOW_CONNECTIONS false`);
  try {
    await createFrom(client, live, copy);
  } finally {
    await client.query(`ALTER DATABASE ${quoted(live)} WITH ALLOW_CONNECTIONS true`);
  }
  await client.query(`ALTER DATABASE ${quoted(copy)} WITH ALLOW_CONNECTIONS false`);
}

/** `live` (dropped with its sessions) becomes a copy of `copy`. */
export async function restoreDatabase(copy: string, live: string): Promise<void> {
  const client = await admin();
  await client.query(`DROP DATABASE IF EXISTS ${quoted(live)} WITH (FORCE)`);
  await createFrom(client, copy, live);
}

/** A database of its own from one that other runs may be copying too (never made unconnectable). */
export async function copyDatabase(from: string, to: string): Promise<void> {
  const client = await admin();
  await client.query(`DROP DATABASE IF EXISTS ${quoted(to)} WITH (FORCE)`);
  await createFrom(client, from, to);
}

export async function dropDatabases(...names: string[]): Promise<void> {
  for (const name of names) await adminQuery(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
}
