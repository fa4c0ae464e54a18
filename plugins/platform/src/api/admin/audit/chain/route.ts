import { AUDIT_MODULE, staffRoute } from "@voltura/medusa-kit";
import type AuditModuleService from "../../../../modules/audit/service";

/**
 * Verifies the audit trail's hash chain, archive and hot table together, in seq order: answers
 * `{ ok, checked, first_broken: { id, seq, reason } | null, head }`. The worker's daily
 * `auditChainCheck` alerts the owners on a break; owners and managers may run it too.
 */
export const GET = staffRoute(["owner", "manager", "system"], async (req, res) => {
  const audit = req.scope.resolve<AuditModuleService>(AUDIT_MODULE);
  res.json(await audit.checkChain());
});
