import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { linesEditable, REPAIR_STATUS_LABELS } from "@voltura/domain";
import { loadBillingJob } from "./billing-context";
import { billingConflict } from "./billing-errors";
import type { HeldReservation } from "./part-stock";
import { billingService, findJobInvoice, findPendingQuote } from "./load-billing";

/** The line to remove, checked against its job (open, not invoiced), and the reservation it holds. Reads only. */
export const loadRemovableLineStep = createStep("load-removable-repair-line", async (input: { job_id: string; line_id: string }, { container }) => {
  const job = await loadBillingJob(container, input.job_id);
  const [row] = await billingService(container).listRepairLines({ id: input.line_id, repair_job_id: job.id });
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Line ${input.line_id} was not found on job ${job.job_number}`);
  const line = row;
  const pending = await findPendingQuote(container, job.id);
  if (pending) throw billingConflict("quote_pending", `Quote v${pending.version} awaits the customer's decision; lines change after it is decided`);
  if (await findJobInvoice(container, job.id)) throw billingConflict("job_invoiced", `Job ${job.job_number} is already invoiced; its lines can no longer change`);
  if (!linesEditable(job.status)) {
    throw billingConflict("job_closed", `Lines cannot change while the job is ${REPAIR_STATUS_LABELS[job.status]}`);
  }
  const held: HeldReservation | null = line.reservation_id && line.inventory_item_id && line.stock_location_id && !line.consumed_at
    ? { reservation_id: line.reservation_id, inventory_item_id: line.inventory_item_id, location_id: line.stock_location_id, quantity: Number(line.quantity) }
    : null;
  return new StepResponse({ line, held });
});
