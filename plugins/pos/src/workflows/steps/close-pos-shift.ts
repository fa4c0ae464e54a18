import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { countShift } from "@voltura/pos-rules";
import { posService } from "./context";
import { posConflict, posInvalid } from "./errors";

export interface ClosePosShiftInput {
  shift_id: string;
  counted_cash_sen: number;
  note: string | null;
  actor: { id: string; name: string };
}

/**
 * Closes a shift with the cash counted: expected = float + cash kept from the shift's payments −
 * cash paid out for its refunds; the variance (counted − expected) is recorded. Compensation reopens it.
 */
export const closePosShiftStep = createStep(
  "close-pos-shift",
  async (input: ClosePosShiftInput, { container }) => {
    const service = posService(container);
    const [shift] = await service.listPosShifts({ id: input.shift_id }, { take: 1 });
    if (!shift) throw posInvalid(`Invalid request: shift ${input.shift_id} was not found`, { field: "shift_id" });
    if (shift.status !== "open") throw posConflict("shift_closed", "This shift is already closed", { shift_id: shift.id });
    const [payments, returns] = await Promise.all([
      service.listPosPayments({ shift_id: shift.id, method: "cash" }, { select: ["amount_sen"] }),
      service.listPosReturns({ shift_id: shift.id, refund_method: "cash" }, { select: ["paid_out_sen"] }),
    ]);
    const flows = {
      opening_float_sen: Number(shift.opening_float_sen),
      cash_sales_sen: payments.reduce((sum, p) => sum + Number(p.amount_sen), 0),
      cash_refunds_sen: returns.reduce((sum, r) => sum + Number(r.paid_out_sen), 0),
    };
    const count = countShift(flows, input.counted_cash_sen);
    const closed = await service.updatePosShifts({
      id: shift.id, status: "closed", closed_by: input.actor.id, closed_by_name: input.actor.name, closed_at: new Date(),
      cash_sales_sen: flows.cash_sales_sen, cash_refunds_sen: flows.cash_refunds_sen, expected_cash_sen: count.expected_cash_sen,
      counted_cash_sen: count.counted_cash_sen, variance_sen: count.variance_sen, note: input.note ?? shift.note ?? null,
    });
    return new StepResponse(closed, { id: shift.id, note: shift.note ?? null });
  },
  async (undo, { container }) => {
    if (!undo) return;
    await posService(container).updatePosShifts({
      id: undo.id, status: "open", closed_by: null, closed_by_name: null, closed_at: null, cash_sales_sen: null, cash_refunds_sen: null,
      expected_cash_sen: null, counted_cash_sen: null, variance_sen: null, note: undo.note,
    });
  },
);
