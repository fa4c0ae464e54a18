import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { billingService } from "../../billing/load-billing";
import type { PaymentToRecord } from "./prepare-pickup";

export interface CreateRepairPaymentsInput {
  job_id: string;
  invoice_id: string | null;
  payments: PaymentToRecord[];
  collected_by: string;
  collected_by_ic_last4?: string | null;
  received_by: string;
}

/** Stores the payments taken at pickup; compensation deletes them. */
export const createRepairPaymentsStep = createStep(
  "create-repair-payments",
  async (input: CreateRepairPaymentsInput, { container }) => {
    if (!input.payments.length) return new StepResponse([] as string[], [] as string[]);
    const now = new Date();
    const created = await billingService(container).createRepairPayments(
      input.payments.map((p) => ({
        repair_job_id: input.job_id, invoice_id: input.invoice_id, method: p.method, amount_sen: p.amount_sen, tendered_sen: p.tendered_sen,
        reference: p.reference, collected_by: input.collected_by, collected_by_ic_last4: input.collected_by_ic_last4 ?? null,
        received_by: input.received_by, received_at: now,
      })),
    );
    const ids = created.map((p) => p.id);
    return new StepResponse(ids, ids);
  },
  async (ids, { container }) => {
    if (ids?.length) await billingService(container).deleteRepairPayments(ids);
  },
);
