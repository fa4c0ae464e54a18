import { MANAGERS } from "@voltura/domain";
import { AUDIT_MODULE, parseOrThrow, recordAudit, staffRoute } from "@voltura/medusa-kit";
import type AuditModuleService from "../../../../modules/audit/service";
import { auditCsv } from "../csv";
import { AUDIT_EXPORT_MAX_ROWS, auditFiltersOf, auditListQuerySchema } from "../validators";

/**
 * The filtered audit trail as CSV (newest first, at most AUDIT_EXPORT_MAX_ROWS rows). The export
 * is itself audited, before the file leaves: no row, no file.
 */
export const GET = staffRoute(MANAGERS, async (req, res) => {
  const query = parseOrThrow(auditListQuerySchema, req.query);
  const filters = auditFiltersOf(query);
  const audit = req.scope.resolve<AuditModuleService>(AUDIT_MODULE);
  const { entries, next_cursor } = await audit.list(filters, { limit: AUDIT_EXPORT_MAX_ROWS });
  await recordAudit(req, {
    action: "export.audit",
    entity: "audit_entry",
    metadata: { filters, rows: entries.length, truncated: next_cursor !== null },
  });
  const day = new Date().toISOString().slice(0, 10);
  res.setHeader("content-type", "text/csv; charset=utf-8");
  res.setHeader("content-disposition", `attachment; filename="audit-${day}.csv"`);
  res.setHeader("cache-control", "private, no-store");
  res.send(auditCsv(entries));
});
