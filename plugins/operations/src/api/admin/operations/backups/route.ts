import { backupRecordBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { backupCatalog, requestManualBackup, upsertBackupRecord } from "../../../../modules/operations/sql/backups";
import { answeringRefusals } from "../../../../modules/operations/sql/refusal";
import { OPERATIONS_WORKFLOWS, startDueBackup, tryStart } from "../../../../modules/operations/temporal-starts";
import { OWNERS, OWNERS_AND_WORKER, requesterOf } from "../access";

export const GET = staffRoute(OWNERS, async (req, res) => {
  res.json(await backupCatalog(sqlConnection(req.scope)));
});

/**
 * Owner: "Backup now" — records the manual backup (running, its start due) and starts `runBackup` after the commit;
 * 202 with the ids. Worker: upserts one backup as storage holds it.
 */
export const POST = staffRoute(OWNERS_AND_WORKER, async (req, res) => {
  const db = sqlConnection(req.scope);
  if (req.actor.role === "system") {
    const backup = await upsertBackupRecord(db, parseOrThrow(backupRecordBodySchema, req.body));
    res.json({ backup });
    return;
  }
  await answeringRefusals(res, async () => {
    const backupId = await requestManualBackup(db, requesterOf(req.actor));
    await recordAudit(req, { action: "operations.backup.start", entity: "operations_backup", entity_id: backupId, metadata: { kind: "manual" } });
    await tryStart(req.scope, () => startDueBackup(req.scope, backupId), `Backup ${backupId}`);
    res.status(202).json({ backup_id: backupId, workflow_id: OPERATIONS_WORKFLOWS.backup.workflowId(backupId) });
  });
});
