import { startRestoreBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { answeringRefusals } from "../../../../../../modules/operations/sql/refusal";
import { createRestoreRun, getRestoreRun } from "../../../../../../modules/operations/sql/restores";
import { startDueRestore, tryStart } from "../../../../../../modules/operations/temporal-starts";
import { backupIdParam, OWNERS, requesterOf } from "../../../access";

/**
 * Restores the shop from this backup, or restores it as a copy. The owner types RESTORE (or COPY). The run row
 * (pending, start due) commits first; `restoreBackup` (id `restore-<run id>`) starts after; 202 `{ run }`.
 */
export const POST = staffRoute(OWNERS, async (req, res) => {
  const id = backupIdParam(req.params);
  const body = parseOrThrow(startRestoreBodySchema, req.body);
  await answeringRefusals(res, async () => {
    const db = sqlConnection(req.scope);
    const run = await createRestoreRun(db, { backupId: id, mode: body.mode, requestedBy: requesterOf(req.actor) });
    await recordAudit(req, {
      action: body.mode === "copy" ? "operations.restore.copy" : "operations.restore.start",
      entity: "operations_restore_run", entity_id: run.id, metadata: { backup_id: id, mode: body.mode },
    });
    await tryStart(req.scope, () => startDueRestore(req.scope, run.id), `Restore ${run.id}`);
    res.status(202).json({ run: await getRestoreRun(db, run.id) });
  });
});
