import type { MedusaContainer } from "@medusajs/framework/types";
import { StepResponse } from "@medusajs/framework/workflows-sdk";
import { formatMYR } from "@voltura/domain";
import { billingConflict } from "../../billing/errors";
import { releaseReservations, restoreReservations, type HeldReservation } from "../../billing/inventory";
import { billingService, findJobInvoice, listJobLines } from "../../billing/load-billing";
import { reverseRepairCompletion, type CompletionDone } from "../../billing/reverse-completion";
import type { RepairPaymentRecord } from "../../billing/records";
import { changeRepairJobStatusWorkflow } from "../change-repair-job-status";
import { completeRepairBillingWorkflow } from "../complete-repair-billing";

type Undo = { kind: "completed"; done: CompletionDone } | { kind: "released"; held: HeldReservation[] } | null;

/** Parts still held for a job that will not be repaired go back to available stock. */
async function releaseJobParts(container: MedusaContainer, jobId: string): Promise<HeldReservation[]> {
  const lines = await listJobLines(container, jobId);
  const held = lines.flatMap((l) =>
    l.kind === "part" && l.reservation_id && l.inventory_item_id && l.stock_location_id && !l.consumed_at
      ? [{ reservation_id: l.reservation_id, inventory_item_id: l.inventory_item_id, location_id: l.stock_location_id, quantity: Number(l.quantity) }]
      : [],
  );
  await releaseReservations(container, held);
  return held;
}

/** A job leaves the shop only once its invoice is paid (pickup records the payments first). */
async function assertPaidForDelivery(container: MedusaContainer, jobId: string): Promise<void> {
  const invoice = await findJobInvoice(container, jobId);
  if (!invoice) return;
  const payments = (await billingService(container).listRepairPayments({ repair_job_id: jobId })) as unknown as RepairPaymentRecord[];
  const paid = payments.reduce((sum, p) => sum + Number(p.amount_sen), 0);
  const due = Number(invoice.amount_due_sen) - paid;
  if (due > 0) {
    throw billingConflict("payment_due", `Invoice ${invoice.invoice_number} has ${formatMYR(due)} outstanding: record the payment at pickup`, { amount_due_sen: due });
  }
}

/**
 * Billing's side of a status change, inside the same workflow: Completed consumes the reserved parts
 * and raises the invoice; Cancelled / Returned Unrepaired release the reserved parts; Delivered
 * needs the invoice paid. If a later step of the status change fails, all of it is undone.
 */
changeRepairJobStatusWorkflow.hooks.repairJobStatusChanged(
  async ({ job, change }, { container }) => {
    const to = change.to_status;
    if (to === "completed") {
      const { result } = await completeRepairBillingWorkflow(container).run({ input: { job_id: job.id, completed_by: change.changed_by } });
      const done = result as CompletionDone;
      return new StepResponse(done, { kind: "completed", done } as Undo);
    }
    if (to === "cancelled" || to === "returned_unrepaired") {
      const held = await releaseJobParts(container, job.id);
      return new StepResponse(held.length, { kind: "released", held } as Undo);
    }
    if (to === "delivered") await assertPaidForDelivery(container, job.id);
    return new StepResponse(undefined, null as Undo);
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return;
    if (undo.kind === "completed") await reverseRepairCompletion(container, undo.done);
    else await restoreReservations(container, undo.held);
  },
);
