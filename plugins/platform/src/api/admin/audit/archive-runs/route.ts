import { auditArchiveCutoff } from "@voltura/domain";
import { AUDIT_MODULE, recordAudit, staffRoute } from "@voltura/medusa-kit";
import type AuditModuleService from "../../../../modules/audit/service";

/**
 * Moves audit rows older than `audit_hot_years` to archive.audit_entry (called daily by the
 * worker's `archiveRun`). Idempotent: a second call moves nothing. The chain still verifies across
 * archive and hot table; the run itself is an audit row.
 */
export const POST = staffRoute(["system"], async (req, res) => {
  const audit = req.scope.resolve<AuditModuleService>(AUDIT_MODULE);
  const { audit_hot_years } = await audit.hotYears();
  const cutoff = auditArchiveCutoff(new Date(), audit_hot_years);
  const moved = await audit.archiveBefore(cutoff);
  await recordAudit(req, {
    action: "audit.archived",
    entity: "audit_entry",
    metadata: { ...moved, cutoff: cutoff.toISOString(), audit_hot_years },
  });
  res.json({ ...moved, cutoff: cutoff.toISOString(), audit_hot_years });
});
