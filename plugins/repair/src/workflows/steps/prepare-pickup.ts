import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { formatMYR, lineAmountSen, lineStartsWarranty, REPAIR_STATUS_LABELS, type PaymentMethod } from "@voltura/domain";
import { settlePickupPayments } from "@voltura/pos-rules";
import { loadBillingJob } from "./billing-context";
import { billingConflict, billingInvalid } from "./billing-errors";
import { billingService, findClaimForJob, findJobInvoice, listJobLines } from "./load-billing";
import { pricedLine } from "../../domain/billing-totals";

export interface PickupInput {
  job_id: string;
  collected_by: string;
  collected_by_ic_last4?: string | null;
  payments: Array<{ method: PaymentMethod; amount_sen: number; reference?: string | null }>;
  received_by: string;
}

export interface PaymentToRecord {
  method: PaymentMethod;
  amount_sen: number;
  tendered_sen: number;
  reference: string | null;
}

export interface WarrantyToStart {
  repair_line_id: string;
  title: string;
  warranty_days: number;
}

export interface PickupPlan {
  job_id: string;
  job_number: string;
  invoice_id: string | null;
  order_id: string | null;
  payments: PaymentToRecord[];
  paid_sen: number;
  change_sen: number;
  warranties: WarrantyToStart[];
  device: string;
  customer_phone: string;
  imei_serial: string | null;
}

/**
 * Checks a pickup: the job must be Completed, and the payments must cover what is still due
 * (400 naming the shortfall); cash may exceed it and the change is returned. Works out which lines
 * start a warranty. Reads only.
 */
export const preparePickupStep = createStep("prepare-repair-pickup", async (input: PickupInput, { container }) => {
  const job = await loadBillingJob(container, input.job_id);
  if (job.status !== "completed") {
    throw billingConflict("invalid_transition", `Only a Completed job can be collected; this one is ${REPAIR_STATUS_LABELS[job.status]}`);
  }
  const [invoice, lines, claim, earlier] = await Promise.all([
    findJobInvoice(container, job.id), listJobLines(container, job.id), findClaimForJob(container, job.id),
    billingService(container).listRepairPayments({ repair_job_id: job.id }),
  ]);
  const alreadyPaid = earlier.reduce((s, p) => s + Number(p.amount_sen), 0);
  const due = Math.max(0, Number(invoice?.amount_due_sen ?? 0) - alreadyPaid);
  const settlement = settlePickupPayments(due, input.payments);
  if (!settlement.ok) {
    const message = settlement.shortfall_sen > 0
      ? `Invalid request: payments: ${formatMYR(settlement.shortfall_sen)} short of the ${formatMYR(due)} due`
      : `Invalid request: payments: ${settlement.reason}`;
    throw billingInvalid(message, { field: "payments", amount_due_sen: due, paid_sen: settlement.paid_sen, shortfall_sen: settlement.shortfall_sen });
  }
  const warranties = lines
    .filter((l) => !l.waived && lineStartsWarranty({ warranty_days: Number(l.warranty_days), amount_sen: lineAmountSen(pricedLine(l)) }, !!claim))
    .map((l) => ({ repair_line_id: l.id, title: l.title, warranty_days: Number(l.warranty_days) }));
  return new StepResponse<PickupPlan>({
    job_id: job.id,
    job_number: job.job_number,
    invoice_id: invoice?.id ?? null,
    order_id: invoice?.order_id ?? null,
    // A cash payment handed straight back as change leaves nothing to record.
    payments: settlement.applied
      .map((p, i) => ({ method: p.method, amount_sen: p.applied_sen, tendered_sen: p.amount_sen, reference: input.payments[i]?.reference ?? null }))
      .filter((p) => p.amount_sen > 0),
    paid_sen: settlement.paid_sen,
    change_sen: settlement.change_sen,
    warranties,
    device: `${job.brand} ${job.model}`.trim(),
    customer_phone: job.customer_phone,
    imei_serial: job.imei_serial,
  });
});
