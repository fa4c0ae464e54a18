import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import type { DbOpsConfig } from "./config.js";

/** A pg_dump / pg_restore run that exited non-zero; the message carries the tool's last stderr lines. */
export class PgToolError extends Error {
  constructor(readonly tool: string, readonly exitCode: number | null, readonly stderr: string) {
    super(`${tool} failed (exit ${exitCode ?? "signal"}): ${stderr.trim().split("\n").slice(-6).join(" | ") || "no output"}`);
    this.name = "PgToolError";
  }
}

/** The database a URL names. */
export function databaseNameOf(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ""));
  if (!name) throw new Error("The database URL names no database");
  return name;
}

/** The same server and credentials, another database. */
export function databaseUrlFor(databaseUrl: string, databaseName: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(databaseName)}`;
  return url.toString();
}

const safeName = /^[a-z_][a-z0-9_]{0,62}$/;

/** Quotes a database name after checking it is a plain lowercase identifier (names here are built, never typed). */
export function quoteDatabaseName(name: string): string {
  if (!safeName.test(name)) throw new Error(`Refusing database name "${name}": use lowercase letters, digits and _ (max 63)`);
  return `"${name}"`;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** libpq environment for the command-line tools, so the password never shows in the process list. */
export function pgToolEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: url.hostname, PGPORT: url.port || "5432", PGDATABASE: databaseNameOf(databaseUrl) };
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  delete env.DATABASE_URL;
  return env;
}

export function pgBinary(cfg: Pick<DbOpsConfig, "pgBinDir">, tool: "pg_dump" | "pg_restore"): string {
  return cfg.pgBinDir ? path.join(cfg.pgBinDir, tool) : tool;
}

/** Runs a PostgreSQL client tool; resolves with stdout, rejects with PgToolError. */
export function runPgTool(cfg: Pick<DbOpsConfig, "pgBinDir">, tool: "pg_dump" | "pg_restore", args: string[], databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(pgBinary(cfg, tool), args, { env: pgToolEnv(databaseUrl), stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => { err = (err + chunk.toString("utf8")).slice(-8000); });
    child.on("error", (error) => reject(new PgToolError(tool, null, `${error.message} (is ${tool} on PATH, or PG_BIN_DIR set?)`)));
    child.on("close", (code) => (code === 0 ? resolve(Buffer.concat(out).toString("utf8")) : reject(new PgToolError(tool, code, err))));
  });
}

/** Opens one connection, runs `work`, always closes. */
export async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "voltura-db-ops" });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Drops a database (terminating its sessions) when it exists; never the one `databaseUrl` itself names. */
export async function dropDatabaseIfExists(databaseUrl: string, databaseName: string): Promise<void> {
  if (databaseName === databaseNameOf(databaseUrl)) throw new Error(`Refusing to drop ${databaseName}: it is the live database`);
  await withClient(databaseUrlFor(databaseUrl, "postgres"), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteDatabaseName(databaseName)} WITH (FORCE)`));
}
