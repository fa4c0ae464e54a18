import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { releaseReservations, restoreReservations } from "../../billing/inventory";
import { billingService } from "../../billing/load-billing";
import type { ConsumableLine } from "./load-completion";

/**
 * Installed parts are no longer held: the reservation goes and the line is marked consumed. The
 * stock itself leaves through the procurement ledger (applyStockMovementsStep, next in the
 * workflow). Compensation puts them back on hold.
 */
export const consumeReservedPartsStep = createStep(
  "consume-repair-reserved-parts",
  async (lines: ConsumableLine[], { container }) => {
    if (!lines.length) return new StepResponse([] as ConsumableLine[], [] as ConsumableLine[]);
    await releaseReservations(container, lines);
    await billingService(container).updateRepairLines(lines.map((l) => ({ id: l.line_id, consumed_at: new Date() })));
    return new StepResponse(lines, lines);
  },
  async (lines, { container }) => {
    if (!lines?.length) return;
    await billingService(container).updateRepairLines(lines.map((l) => ({ id: l.line_id, consumed_at: null })));
    await restoreReservations(container, lines);
  },
);

/** The ledger movements for consumed parts: stock leaves as repair_consumption, referenced to the job. */
export function consumptionMovements(lines: readonly ConsumableLine[], job: { job_id: string; job_number: string }, actor: string) {
  return lines.map((l) => ({
    inventory_item_id: l.inventory_item_id,
    location_id: l.location_id,
    quantity_delta: -l.quantity,
    kind: "repair_consumption" as const,
    reference_type: "repair_job",
    reference_id: job.job_id,
    actor_id: actor,
    note: `Used in repair ${job.job_number}`,
  }));
}
