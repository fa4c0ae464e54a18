import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { countShift } from "@voltura/pos-rules";
import { posService } from "../sales/context";
import { posConflict, posInvalid } from "../sales/errors";

export interface OpenPosShiftInput {
  register_id: string;
  opening_float_sen: number;
  note: string | null;
  actor: { id: string; name: string };
}

/** Opens a shift; a second open shift on the register is refused (409) by the partial unique index. */
const openPosShiftStep = createStep(
  "open-pos-shift",
  async (input: OpenPosShiftInput, { container }) => {
    const service = posService(container);
    const [open] = await service.listPosShifts({ register_id: input.register_id, status: "open" }, { take: 1 });
    if (open) throw posConflict("shift_open", `Register ${input.register_id} already has an open shift (opened by ${open.opened_by_name})`, { shift_id: open.id });
    let shift;
    try {
      shift = await service.createPosShifts({
        register_id: input.register_id, status: "open", opened_by: input.actor.id, opened_by_name: input.actor.name, opened_at: new Date(),
        opening_float_sen: input.opening_float_sen, note: input.note,
      });
    } catch (err) {
      if (/unique|duplicate|already exists/i.test(String((err as Error).message))) {
        throw posConflict("shift_open", `Register ${input.register_id} already has an open shift`, {});
      }
      throw err;
    }
    return new StepResponse(shift, shift.id);
  },
  async (id, { container }) => {
    if (id) await posService(container).deletePosShifts(id);
  },
);

export const openPosShiftWorkflow = createWorkflow("open-pos-shift", (input: OpenPosShiftInput) => new WorkflowResponse(openPosShiftStep(input)));

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
const closePosShiftStep = createStep(
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

export const closePosShiftWorkflow = createWorkflow("close-pos-shift", (input: ClosePosShiftInput) => new WorkflowResponse(closePosShiftStep(input)));
