import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { posService } from "./context";
import { posConflict } from "./errors";

export interface OpenPosShiftInput {
  register_id: string;
  opening_float_sen: number;
  note: string | null;
  actor: { id: string; name: string };
}

/** Opens a shift; a second open shift on the register is refused (409) by the partial unique index. */
export const openPosShiftStep = createStep(
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
