/** What the audit module reads and answers (kept apart from the service so pure code can import it). */

export interface AuditFilters {
  actor_id?: string;
  entity?: string;
  entity_id?: string;
  /** Exact, or a family with a trailing `*` ("staff.*"). */
  action?: string;
  /** Shop days, both included. */
  from?: string;
  to?: string;
}

export interface AuditPage {
  /** From a previous page's next_cursor. */
  cursor?: string;
  limit: number;
}

export interface AuditRow {
  id: string;
  /** UTC, microseconds. */
  occurred_at: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  metadata: Record<string, unknown> | null;
  request_id: string | null;
  ip: string | null;
}
