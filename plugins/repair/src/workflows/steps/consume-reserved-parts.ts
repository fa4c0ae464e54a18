import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { consumeReservations, unconsumeReservations } from "../../billing/inventory";
import { billingService } from "../../billing/load-billing";
import type { ConsumableLine } from "./load-completion";

/** Installed parts leave stock (reservation removed, stocked quantity down); compensation puts them back on hold. */
export const consumeReservedPartsStep = createStep(
  "consume-repair-reserved-parts",
  async (lines: ConsumableLine[], { container }) => {
    if (!lines.length) return new StepResponse([] as ConsumableLine[], [] as ConsumableLine[]);
    await consumeReservations(container, lines);
    await billingService(container).updateRepairLines(lines.map((l) => ({ id: l.line_id, consumed_at: new Date() })));
    return new StepResponse(lines, lines);
  },
  async (lines, { container }) => {
    if (!lines?.length) return;
    await billingService(container).updateRepairLines(lines.map((l) => ({ id: l.line_id, consumed_at: null })));
    await unconsumeReservations(container, lines);
  },
);
