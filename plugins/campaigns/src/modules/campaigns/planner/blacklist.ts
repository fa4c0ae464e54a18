import { generateEntityId } from "@medusajs/framework/utils";
import type { BlacklistEntry } from "@voltura/contracts";
import { rows, type Sql, type SqlRow } from "@voltura/medusa-kit";

const iso = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

export function blacklistAnswer(row: SqlRow): BlacklistEntry {
  return {
    id: String(row.id),
    phone: String(row.phone),
    reason: String(row.reason),
    added_by: (row.added_by as string | null) ?? null,
    created_at: iso(row.created_at)!,
    removed_at: iso(row.removed_at),
    removed_by: (row.removed_by as string | null) ?? null,
    removed_reason: (row.removed_reason as string | null) ?? null,
  };
}

/**
 * Adds phones to the blacklist (E.164, one active row per phone: the partial unique index decides, so two
 * concurrent adds keep one). Answers the rows added; a phone already listed is left as it is.
 */
export async function addToBlacklist(db: Sql, entries: readonly { phone: string; reason: string }[], addedBy: string): Promise<SqlRow[]> {
  if (!entries.length) return [];
  return rows(db, `INSERT INTO campaign_blacklist (id, phone, reason, added_by, created_at, updated_at)
    SELECT e.id, e.phone, e.reason, ?, now(), now() FROM jsonb_to_recordset(?::jsonb) AS e(id text, phone text, reason text)
    ON CONFLICT (phone) WHERE removed_at IS NULL DO NOTHING RETURNING *`,
    [addedBy, JSON.stringify(entries.map((e) => ({ id: generateEntityId(undefined, "cbl"), phone: e.phone, reason: e.reason })))]);
}
