import { MedusaError } from "@medusajs/framework/utils";
import { restoreTestBodySchema } from "@voltura/contracts";
import { parseOrThrow, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { recordRestoreTest } from "../../../../../../modules/operations/sql/backups";
import { answeringRefusals } from "../../../../../../modules/operations/sql/refusal";
import { backupIdParam, WORKER } from "../../../access";

/** The worker records a restore test's result; the backup becomes verified or failed. Idempotent per key. */
export const POST = staffRoute(WORKER, async (req, res) => {
  const id = backupIdParam(req.params);
  const body = parseOrThrow(restoreTestBodySchema, req.body);
  if (body.backupId !== id) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: backupId: must be the backup of the path (${id})`);
  await answeringRefusals(res, async () => {
    res.json(await recordRestoreTest(sqlConnection(req.scope), id, body));
  });
});
