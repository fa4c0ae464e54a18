import { posCloseShiftBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { respondToWorkflowError } from "../../../../../../workflows/steps/errors";
import { POS_STAFF } from "../../../roles";
import { toApiShift } from "../../../../../../domain/serialise";
import { closePosShiftWorkflow } from "../../../../../../workflows/close-pos-shift";

/** Closes a shift with the counted cash; the answer carries expected cash and the variance. */
export const POST = staffRoute(POS_STAFF, async (req, res) => {
  const body = parseOrThrow(posCloseShiftBodySchema, req.body);
  const { result, errors } = await closePosShiftWorkflow(req.scope).run({
    input: { shift_id: req.params.id!, counted_cash_sen: body.counted_cash_sen, note: body.note ?? null, actor: { id: req.actor.id, name: req.actor.name } },
    throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.json({ shift: toApiShift(result) });
});
