import type pg from "pg";
import type { DbOpsConfig } from "./config.js";
import { quoteIdent, withClient } from "./pg.js";
import { estimateBtreeBloat, pickIndexesToReindex, pickTablesToVacuum, type IndexBloat, type TableActivity } from "./optimise-rules.js";

export * from "./optimise-rules.js";

export interface OptimiseOptions {
  /** Reindex an index whose estimated bloat (0..1: the share of its pages that is waste) is at least this. */
  bloatThreshold: number;
  /** At most this many tables are vacuumed (the busiest first). Default 25. */
  maxTables?: number;
  /** Smaller indexes are never reindexed (their bloat costs nothing). Default 1 MiB. */
  minIndexBytes?: number;
  /** Called before each table and index, e.g. to heartbeat. */
  onProgress?: (message: string) => void;
}

export interface TableOptimisation { schema: string; table: string; deadTuples: number; modsSinceAnalyze: number; ms: number; ok: boolean; error?: string }
export interface IndexOptimisation { schema: string; table: string; index: string; bytesBefore: number; bytesAfter: number | null; bloat: number; ms: number; ok: boolean; error?: string }

export interface OptimisationResult {
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  /** How bloat was measured: pgstattuple's pgstatindex when the extension is installed, else an estimate from sizes and statistics. */
  bloatMethod: "pgstattuple" | "estimate";
  bloatThreshold: number;
  vacuumed: TableOptimisation[];
  reindexed: IndexOptimisation[];
  /** Btree indexes measured (at least minIndexBytes, with statistics). */
  checkedIndexes: number;
  databaseBytesBefore: number;
  databaseBytesAfter: number;
}

const SYSTEM_SCHEMAS = "('pg_catalog', 'information_schema', 'pg_toast')";

async function tableActivity(client: pg.Client): Promise<TableActivity[]> {
  const { rows } = await client.query<{ schema: string; table: string; live: string; dead: string; mods: string }>(
    `SELECT schemaname AS schema, relname AS table, n_live_tup AS live, n_dead_tup AS dead, n_mod_since_analyze AS mods
       FROM pg_stat_user_tables WHERE schemaname NOT IN ${SYSTEM_SCHEMAS}`);
  return rows.map((r) => ({ schema: r.schema, table: r.table, liveTuples: Number(r.live), deadTuples: Number(r.dead), modsSinceAnalyze: Number(r.mods) }));
}

/** Valid btree indexes of user tables, with sizes and what the size estimate needs. */
async function btreeIndexes(client: pg.Client, minIndexBytes: number) {
  const { rows } = await client.query<{ oid: number; schema: string; table: string; index: string; bytes: string; pages: string; tuples: string; width: string | null; fillfactor: string | null }>(
    `SELECT i.indexrelid::int AS oid, n.nspname AS schema, t.relname AS table, c.relname AS index,
            pg_relation_size(c.oid) AS bytes, c.relpages AS pages, c.reltuples AS tuples,
            (SELECT sum(s.avg_width) FROM pg_attribute a
               JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = t.relname AND s.attname = a.attname
              WHERE a.attrelid = t.oid AND a.attnum = ANY (i.indkey::int2[])
              HAVING count(*) = i.indnatts) AS width,
            (SELECT substring(o FROM 'fillfactor=(\\d+)') FROM unnest(c.reloptions) o WHERE o LIKE 'fillfactor=%') AS fillfactor
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_am am ON am.oid = c.relam
      WHERE am.amname = 'btree' AND i.indisvalid AND t.relpersistence = 'p'
        AND n.nspname NOT IN ${SYSTEM_SCHEMAS} AND pg_relation_size(c.oid) >= $1`,
    [minIndexBytes]);
  return rows;
}

async function hasPgstattuple(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query("SELECT 1 FROM pg_extension WHERE extname = 'pgstattuple'");
  return rows.length > 0;
}

async function measureBloat(client: pg.Client, minIndexBytes: number, usePgstattuple: boolean): Promise<IndexBloat[]> {
  const measured: IndexBloat[] = [];
  for (const ix of await btreeIndexes(client, minIndexBytes)) {
    const bytes = Number(ix.bytes);
    const fillfactor = ix.fillfactor ? Number(ix.fillfactor) : 90;
    let bloat: number | null;
    if (usePgstattuple) {
      const { rows } = await client.query<{ density: number }>("SELECT avg_leaf_density AS density FROM pgstatindex($1::regclass)", [ix.oid]);
      const density = Number(rows[0]?.density ?? Number.NaN);
      bloat = Number.isFinite(density) ? Math.max(0, 1 - density / fillfactor) : null;
    } else {
      bloat = estimateBtreeBloat({ pages: Number(ix.pages), tuples: Number(ix.tuples), keyWidth: ix.width === null ? null : Number(ix.width), fillfactor });
    }
    if (bloat !== null) measured.push({ schema: ix.schema, table: ix.table, index: ix.index, bytes, bloat });
  }
  return measured;
}

const indexKey = (ix: IndexBloat) => ({ schema: ix.schema, table: ix.table, index: ix.index, bloat: ix.bloat, bytesBefore: ix.bytes });
const databaseBytes = async (client: pg.Client) => Number((await client.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes")).rows[0]!.bytes);
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The weekly optimisation: VACUUM (ANALYZE) of the busiest tables (dead rows and changes since
 * the last analyze), then REINDEX INDEX CONCURRENTLY of the btree indexes whose bloat passes the
 * threshold. Neither blocks reads or writes; a lock wait longer than 30 s (a migration holding the
 * table) skips that table or index. One failure does not stop the rest; `ok` says whether all went.
 */
export async function optimiseDatabase(cfg: Pick<DbOpsConfig, "databaseUrl">, options: OptimiseOptions): Promise<OptimisationResult> {
  const startedAt = new Date();
  return withClient(cfg.databaseUrl, async (client) => {
    await client.query("SET statement_timeout = 0; SET lock_timeout = '30s'");
    const databaseBytesBefore = await databaseBytes(client);
    const vacuumed: TableOptimisation[] = [];
    for (const t of pickTablesToVacuum(await tableActivity(client), { limit: options.maxTables ?? 25 })) {
      options.onProgress?.(`vacuum ${t.schema}.${t.table}`);
      const began = Date.now();
      try {
        await client.query(`VACUUM (ANALYZE) ${quoteIdent(t.schema)}.${quoteIdent(t.table)}`);
        vacuumed.push({ schema: t.schema, table: t.table, deadTuples: t.deadTuples, modsSinceAnalyze: t.modsSinceAnalyze, ms: Date.now() - began, ok: true });
      } catch (err) {
        vacuumed.push({ schema: t.schema, table: t.table, deadTuples: t.deadTuples, modsSinceAnalyze: t.modsSinceAnalyze, ms: Date.now() - began, ok: false, error: message(err) });
      }
    }

    const usePgstattuple = await hasPgstattuple(client);
    const measured = await measureBloat(client, options.minIndexBytes ?? 1024 * 1024, usePgstattuple);
    const reindexed: IndexOptimisation[] = [];
    for (const ix of pickIndexesToReindex(measured, options.bloatThreshold)) {
      options.onProgress?.(`reindex ${ix.schema}.${ix.index}`);
      const began = Date.now();
      const name = `${quoteIdent(ix.schema)}.${quoteIdent(ix.index)}`;
      try {
        await client.query(`REINDEX INDEX CONCURRENTLY ${name}`);
        const after = await client.query<{ bytes: string }>("SELECT pg_relation_size($1::regclass) AS bytes", [name]);
        reindexed.push({ ...indexKey(ix), bytesAfter: Number(after.rows[0]!.bytes), ms: Date.now() - began, ok: true });
      } catch (err) {
        await dropLeftoverConcurrentIndex(client, ix.schema, ix.index);
        reindexed.push({ ...indexKey(ix), bytesAfter: null, ms: Date.now() - began, ok: false, error: message(err) });
      }
    }
    return {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      ok: vacuumed.every((t) => t.ok) && reindexed.every((i) => i.ok),
      bloatMethod: usePgstattuple ? "pgstattuple" : "estimate",
      bloatThreshold: options.bloatThreshold,
      vacuumed,
      reindexed,
      checkedIndexes: measured.length,
      databaseBytesBefore,
      databaseBytesAfter: await databaseBytes(client),
    };
  });
}

/** A REINDEX CONCURRENTLY that fails leaves an invalid `<index>_ccnew` behind: drop it, so the next week's run starts clean. */
async function dropLeftoverConcurrentIndex(client: pg.Client, schema: string, index: string): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND NOT i.indisvalid AND c.relname LIKE $2`, [schema, `${index.slice(0, 55)}_ccnew%`]);
  for (const { name } of rows) await client.query(`DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(schema)}.${quoteIdent(name)}`).catch(() => undefined);
}

/** The database's size and its biggest tables (with indexes and TOAST), rows as the planner estimates them. */
export async function databaseSizes(databaseUrl: string, limit = 20): Promise<{ databaseBytes: number; tables: Array<{ table: string; bytes: number; rows: number }> }> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ table: string; bytes: string; rows: string }>(
      `SELECT CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END AS table,
              pg_total_relation_size(c.oid) AS bytes, greatest(c.reltuples, 0)::bigint AS rows
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ${SYSTEM_SCHEMAS} AND n.nspname NOT LIKE 'pg_temp%'
        ORDER BY pg_total_relation_size(c.oid) DESC LIMIT $1`, [limit]);
    return { databaseBytes: await databaseBytes(client), tables: rows.map((r) => ({ table: r.table, bytes: Number(r.bytes), rows: Number(r.rows) })) };
  });
}
