import { auditListQuerySchema, type AuditListQuery } from "@voltura/domain";
import type { AuditFilters } from "../../../modules/audit/types";

export { auditListQuerySchema };

/** Only the filters (what an export or a page was asked for), without paging. */
export function auditFiltersOf(query: AuditListQuery): AuditFilters {
  const { actor_id, entity, entity_id, action, from, to } = query;
  return Object.fromEntries(Object.entries({ actor_id, entity, entity_id, action, from, to }).filter(([, v]) => v !== undefined));
}

/** The most rows one export carries; narrow the filters for more. */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;
