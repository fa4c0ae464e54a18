import { MANAGERS } from "@voltura/domain";
import { AUDIT_MODULE, parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import type AuditModuleService from "../../../modules/audit/service";
import { auditFiltersOf, auditListQuerySchema } from "./validators";

/** The audit trail, newest first: filter by person, record, action and shop days; keyset paging. */
export const GET = staffRoute(MANAGERS, async (req, res) => {
  const query = parseOrThrow(auditListQuerySchema, req.query);
  const audit = req.scope.resolve<AuditModuleService>(AUDIT_MODULE);
  const page = await audit.list(auditFiltersOf(query), { cursor: query.cursor, limit: query.limit });
  res.json({ audit_entries: page.entries, next_cursor: page.next_cursor, limit: query.limit });
});
