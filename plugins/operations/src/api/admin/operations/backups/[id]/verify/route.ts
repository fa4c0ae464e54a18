import { recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { requestVerification } from "../../../../../../modules/operations/sql/backups";
import { answeringRefusals } from "../../../../../../modules/operations/sql/refusal";
import { OPERATIONS_WORKFLOWS, startDueVerification, tryStart } from "../../../../../../modules/operations/temporal-starts";
import { backupIdParam, OWNERS } from "../../../access";

/** Asks for a restore test of this backup now (`verifyBackupWorkflow`, id `verify-<backup id>-<n>`); 202. */
export const POST = staffRoute(OWNERS, async (req, res) => {
  const id = backupIdParam(req.params);
  await answeringRefusals(res, async () => {
    const n = await requestVerification(sqlConnection(req.scope), id);
    await recordAudit(req, { action: "operations.backup.verify", entity: "operations_backup", entity_id: id, metadata: { request: n } });
    await tryStart(req.scope, () => startDueVerification(req.scope, id), `Verification of ${id}`);
    res.status(202).json({ backup_id: id, workflow_id: OPERATIONS_WORKFLOWS.verify.workflowId(id, n) });
  });
});
