import { rows, type Sql } from "@voltura/medusa-kit";
import type { EntityPlan } from "../../../domain/archive-plan";
import { columnList, hotColumns, tableExists } from "./tables";

export type TableCounts = Record<string, number>;

/**
 * Moves rows `key = ANY(ids)` of one table between `public` and `archive` in one statement
 * (DELETE … RETURNING feeding the INSERT), so a row is in exactly one place at every commit.
 */
async function moveRows(db: Sql, table: string, key: string, ids: readonly string[], direction: "archive" | "restore", runId: string | null): Promise<number> {
  if (!ids.length) return 0;
  const columns = await hotColumns(db, table);
  if (direction === "archive") {
    const list = columnList(columns.all);
    const moved = await rows(db,
      `WITH moved AS (DELETE FROM public."${table}" WHERE "${key}" = ANY(?::text[]) RETURNING ${list})
       INSERT INTO archive."${table}" (${list}, archived_at, archive_run_id) SELECT ${list}, now(), ? FROM moved RETURNING 1`, [ids, runId]);
    return moved.length;
  }
  const list = columnList(columns.writable);
  const back = await rows(db,
    `WITH back AS (DELETE FROM archive."${table}" WHERE "${key}" = ANY(?::text[]) RETURNING ${list})
     INSERT INTO public."${table}" (${list}) SELECT ${list} FROM back RETURNING 1`, [ids]);
  return back.length;
}

/**
 * One archive batch (the caller's ONE transaction): takes up to `limit` eligible parents (locked,
 * skipping rows another batch holds), moves their children, then them. Counts per table moved.
 */
export async function archiveBatch(trx: Sql, plan: EntityPlan, cutoff: Date, limit: number, runId: string): Promise<TableCounts> {
  if (!(await tableExists(trx, `public.${plan.table}`))) return {};
  const picked = await rows(trx,
    `SELECT p.id FROM public."${plan.table}" p WHERE ${plan.eligible} LIMIT ? FOR UPDATE OF p SKIP LOCKED`, [cutoff.toISOString(), limit]);
  const ids = picked.map((r) => String(r.id));
  const counts: TableCounts = {};
  if (!ids.length) return counts;
  for (const child of plan.children) {
    if (!(await tableExists(trx, `public.${child.table}`))) continue;
    const n = await moveRows(trx, child.table, child.parentKey, ids, "archive", runId);
    if (n) counts[child.table] = n;
  }
  counts[plan.table] = await moveRows(trx, plan.table, "id", ids, "archive", runId);
  return counts;
}

/** Puts archived parents (and their archived children) back in the hot tables: parents first. */
export async function restoreRows(trx: Sql, plan: EntityPlan, ids: readonly string[]): Promise<TableCounts> {
  const counts: TableCounts = {};
  if (!(await tableExists(trx, `archive.${plan.table}`))) return counts;
  const locked = await rows(trx, `SELECT id FROM archive."${plan.table}" WHERE id = ANY(?::text[]) FOR UPDATE`, [ids]);
  const found = locked.map((r) => String(r.id));
  if (!found.length) return counts;
  counts[plan.table] = await moveRows(trx, plan.table, "id", found, "restore", null);
  for (const child of plan.children) {
    if (!(await tableExists(trx, `archive.${child.table}`))) continue;
    const n = await moveRows(trx, child.table, child.parentKey, found, "restore", null);
    if (n) counts[child.table] = n;
  }
  return counts;
}

/** Archived messages of one phone back to the hot table (a conversation's messages). */
export async function restoreMessagesOfPhone(trx: Sql, phone: string): Promise<number> {
  if (!(await tableExists(trx, "archive.whatsapp_message"))) return 0;
  return moveRows(trx, "whatsapp_message", "phone", [phone], "restore", null);
}
