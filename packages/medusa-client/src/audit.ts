import { z } from "zod";
import type { AuditEventBody, AuditListQuery } from "@voltura/domain";
import type { CommerceClient } from "./client.js";

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

/** The audit trail (plugins/platform `audit`) over a CommerceClient. */
export class AuditApi {
  constructor(private readonly client: CommerceClient) {}

  /** Newest first; owners and managers. */
  list(query: AuditQuery = {}): Promise<AuditPage> {
    return this.client.request("GET", `/admin/audit${auditQueryString(query)}`, auditPageSchema);
  }

  /**
   * Reports an event commerce cannot see: `export.*` as the signed-in staff member (actor from
   * the token), or `auth.*` as the console's system actor with the person and address.
   */
  recordEvent(body: AuditEventBody) {
    return this.client.request("POST", "/admin/audit/events", auditEventAnswerSchema, body);
  }
}
