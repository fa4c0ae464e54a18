import { z } from "zod";
import { type AuditListQuery } from "@voltura/domain";

/** One row of the audit trail as `GET /admin/audit` answers it (occurred_at in UTC, microseconds). */
export const auditEntrySchema = z.object({
  id: z.string(),
  occurred_at: z.string(),
  actor_id: z.string().nullable(),
  actor_role: z.string().nullable(),
  actor_name: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entity_id: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  request_id: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  audit_entries: z.array(auditEntrySchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  next_cursor: z.string().nullable(),
  limit: z.number(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditEventAnswerSchema = z.object({ recorded: z.literal(true), request_id: z.string() });

/** Filters and paging of the audit list and export (dates are shop days, "2026-11-30"). */
export type AuditQuery = Partial<AuditListQuery>;

/** The query string for `GET /admin/audit` and its export, empty values left out. */
export function auditQueryString(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  return params.size ? `?${params}` : "";
}

/** Path of the CSV export for the same filters (fetch it raw: the answer is text/csv, not JSON). */
export function auditExportPath(query: AuditQuery): string {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  return `/admin/audit/export${auditQueryString(filters)}`;
}

/** `GET /admin/audit/chain`: the hash chain checked over archive + hot table (owner, manager, system). */
export const auditChainReportSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int().nonnegative(),
  first_broken: z
    .object({ id: z.string(), seq: z.number().int(), reason: z.enum(["content_changed", "link_broken", "hash_missing", "out_of_order"]) })
    .nullable(),
  head: z.object({ seq: z.number().int(), row_hash: z.string() }).nullable(),
});
export type AuditChainAnswer = z.infer<typeof auditChainReportSchema>;

/** `POST /admin/audit/archive-runs` (system): rows older than audit_hot_years moved to archive.audit_entry. */
export const auditArchiveRunSchema = z.object({
  moved: z.number().int().nonnegative(),
  first_seq: z.number().int().nullable(),
  last_seq: z.number().int().nullable(),
  cutoff: z.string(),
  audit_hot_years: z.number().int(),
});
export type AuditArchiveRun = z.infer<typeof auditArchiveRunSchema>;

export const auditSettingsSchema = z.object({
  settings: z.object({ audit_hot_years: z.number().int(), updated_at: z.string().nullable(), updated_by: z.string().nullable() }),
});
export type AuditSettings = z.infer<typeof auditSettingsSchema>["settings"];
