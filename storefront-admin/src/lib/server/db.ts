import pg from "pg";
import { getEnv } from "./env";

/** The part of pg.Pool / pg.PoolClient the stores need, so tests can pass either. */
export type Queryable = Pick<pg.Pool, "query">;

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
