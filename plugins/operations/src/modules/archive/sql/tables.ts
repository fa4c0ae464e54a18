import { rows, type Sql, type SqlConnection } from "@voltura/medusa-kit";
import { ARCHIVE_SEARCH_KEYS, ARCHIVED_TABLES } from "../../../domain/archive-plan";

export interface TableColumns {
  /** Every column of the hot table, in order (what the archive copy receives). */
  all: string[];
  /** The ones a row can be written to (generated columns are computed again on the way back). */
  writable: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const columnList = (columns: readonly string[]) => columns.map(quote).join(", ");

export async function tableExists(db: Sql, qualified: string): Promise<boolean> {
  const [row] = await rows(db, `SELECT to_regclass(?) IS NOT NULL AS present`, [qualified]);
  return row?.present === true;
}

export async function hotColumns(db: Sql, table: string): Promise<TableColumns> {
  const found = await rows(db,
    `SELECT column_name, is_generated FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position`, [table]);
  return {
    all: found.map((c) => String(c.column_name)),
    writable: found.filter((c) => c.is_generated === "NEVER").map((c) => String(c.column_name)),
  };
}

/** Index names ensureArchiveTables makes for a table. */
function expectedIndexes(table: string): string[] {
  const names = [`archive_${table}_pkey`, `archive_${table}_run`];
  if (PARENT_KEY_INDEXES[table]) names.push(`archive_${table}_parent`);
  if (ARCHIVE_SEARCH_KEYS[table]) names.push(`archive_${table}_search`, `archive_${table}_archived_at`);
  return names;
}

/**
 * What the archive schema lacks for the hot tables as they are now (tables, columns, indexes):
 * empty when a run can start without any DDL. Read-only (catalog queries).
 */
export async function archiveSchemaGaps(db: Sql): Promise<string[]> {
  const gaps: string[] = [];
  for (const table of ARCHIVED_TABLES) {
    if (!(await tableExists(db, `public.${table}`))) continue;
    if (!(await tableExists(db, `archive.${table}`))) {
      gaps.push(`archive.${table}`);
      continue;
    }
    const missing = await rows(db,
      `SELECT h.column_name FROM information_schema.columns h WHERE h.table_schema = 'public' AND h.table_name = ?
         AND NOT EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'archive' AND c.table_name = h.table_name AND c.column_name = h.column_name)`, [table]);
    for (const column of missing) gaps.push(`archive.${table}.${String(column.column_name)}`);
    const present = new Set((await rows(db, `SELECT indexname FROM pg_indexes WHERE schemaname = 'archive' AND tablename = ?`, [table])).map((r) => String(r.indexname)));
    for (const index of expectedIndexes(table)) if (!present.has(index)) gaps.push(`index ${index}`);
  }
  return gaps;
}

/**
 * Before a run or a restore: nothing to do when the archive matches the hot tables (the usual case,
 * and the only one the apps' role in compose can pass, since it may not run DDL). Otherwise the
 * tables are made here; when the role may not, the error names what `medusa db:migrate` must add.
 */
export async function prepareArchiveTables(db: SqlConnection): Promise<void> {
  const gaps = await archiveSchemaGaps(db);
  if (!gaps.length) return;
  try {
    await db.transaction(async (trx) => { await ensureArchiveTables(trx); });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The archive schema is behind the hot tables (${gaps.slice(0, 5).join(", ")}${gaps.length > 5 ? ", …" : ""}); run the migrations (medusa db:migrate) as the database owner. ${reason}`);
  }
}

/**
 * Makes `archive.<t>` for every archived hot table that exists: the same columns (`LIKE`, generated
 * columns as plain copies), plus `archived_at` and `archive_run_id`; a column added to the hot
 * table later is added here too. Then the primary key, the parent keys and the search indexes.
 * Idempotent; serialised by an advisory lock so two runs never race on DDL.
 */
export async function ensureArchiveTables(db: Sql): Promise<string[]> {
  await db.raw(`SELECT pg_advisory_xact_lock(hashtext('archive:ddl'))`);
  await db.raw(`CREATE SCHEMA IF NOT EXISTS archive`);
  const made: string[] = [];
  for (const table of ARCHIVED_TABLES) {
    if (!(await tableExists(db, `public.${table}`))) continue;
    await db.raw(`CREATE TABLE IF NOT EXISTS archive.${quote(table)} (LIKE public.${quote(table)})`);
    await db.raw(`ALTER TABLE archive.${quote(table)} ADD COLUMN IF NOT EXISTS archived_at timestamptz NOT NULL DEFAULT now(), ADD COLUMN IF NOT EXISTS archive_run_id text`);
    const missing = await rows(db,
      `SELECT h.column_name, format_type(a.atttypid, a.atttypmod) AS type
         FROM information_schema.columns h
         JOIN pg_attribute a ON a.attrelid = ('public.' || quote_ident(h.table_name))::regclass AND a.attname = h.column_name
        WHERE h.table_schema = 'public' AND h.table_name = ?
          AND NOT EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'archive' AND c.table_name = h.table_name AND c.column_name = h.column_name)`, [table]);
    for (const column of missing) {
      await db.raw(`ALTER TABLE archive.${quote(table)} ADD COLUMN IF NOT EXISTS ${quote(String(column.column_name))} ${String(column.type)}`);
    }
    await db.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${quote(`archive_${table}_pkey`)} ON archive.${quote(table)} (id)`);
    await db.raw(`CREATE INDEX IF NOT EXISTS ${quote(`archive_${table}_run`)} ON archive.${quote(table)} (archive_run_id)`);
    made.push(table);
  }
  for (const [table, key] of Object.entries(PARENT_KEY_INDEXES)) {
    if (made.includes(table)) await db.raw(`CREATE INDEX IF NOT EXISTS ${quote(`archive_${table}_parent`)} ON archive.${quote(table)} (${quote(key)})`);
  }
  for (const [table, expression] of Object.entries(ARCHIVE_SEARCH_KEYS)) {
    if (!made.includes(table)) continue;
    await db.raw(`CREATE INDEX IF NOT EXISTS ${quote(`archive_${table}_search`)} ON archive.${quote(table)} USING gin ((${expression}) gin_trgm_ops) WITH (fastupdate = off)`);
    await db.raw(`CREATE INDEX IF NOT EXISTS ${quote(`archive_${table}_archived_at`)} ON archive.${quote(table)} (archived_at DESC, id)`);
  }
  return made;
}

const PARENT_KEY_INDEXES: Record<string, string> = {
  repair_job_event: "repair_job_id", repair_job_photo: "repair_job_id", repair_job_status_change: "repair_job_id",
  repair_quote: "repair_job_id", repair_warranty: "repair_job_id",
  pos_sale_line: "sale_id", pos_payment: "sale_id", pos_approval: "sale_id", pos_return: "sale_id", pos_outbox: "sale_id",
  concierge_conversation: "phone", whatsapp_message: "phone",
};
