import pg from "pg";
import { getEnv } from "./env";

/** What the stores read from a query's result (pg's QueryResult has these and more). */
export interface QueryRows<R> {
  rows: R[];
  rowCount?: number | null;
}

/** The part of pg.Pool / pg.PoolClient the stores need (one parameterised query), so tests can pass a plain fake. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<QueryRows<R>>;
}

let pool: pg.Pool | undefined;

/** One pool per process, on the same PostgreSQL database as the commerce core. */
export function getPool(): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 10, idleTimeoutMillis: 30_000 });
    pool.on("error", (err) => console.error("[console] idle PostgreSQL client error:", err.message));
    // adapter-node emits this on SIGTERM/SIGINT once requests are done: let the process exit now.
    process.once("sveltekit:shutdown", () => void pool?.end());
  }
  return pool;
}
