import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { changeRepairJobStatusWorkflow } from "./change-repair-job-status";
import { createRepairPaymentsStep } from "./steps/create-repair-payments";
import { preparePickupStep, type PickupInput } from "./steps/prepare-pickup";
import { recordOrderPaymentsStep } from "./steps/record-order-payments";
import { startRepairWarrantiesStep } from "./steps/start-repair-warranties";

export type RecordRepairPickupInput = PickupInput;

/** The customer collects: payments recorded (also on the Medusa order), warranties start, the job is Delivered. */
export const recordRepairPickupWorkflow = createWorkflow("record-repair-pickup", (input: RecordRepairPickupInput) => {
  const plan = preparePickupStep(input);
  const paymentIds = createRepairPaymentsStep(
    transform({ input, plan }, ({ input, plan }) => ({
      job_id: plan.job_id, invoice_id: plan.invoice_id, payments: plan.payments, collected_by: input.collected_by,
      collected_by_ic_last4: input.collected_by_ic_last4 ?? null, received_by: input.received_by,
    })),
  );
  recordOrderPaymentsStep(
    transform({ plan, paymentIds }, ({ plan, paymentIds }) => ({
      order_id: plan.order_id, payment_ids: paymentIds, amounts_sen: plan.payments.map((p) => p.amount_sen),
    })),
  );
  startRepairWarrantiesStep(plan);
  changeRepairJobStatusWorkflow.runAsStep({
    input: transform({ input, plan }, ({ input, plan }) => ({
      id: plan.job_id,
      to: "delivered" as const,
      note: `Collected by ${input.collected_by}${input.collected_by_ic_last4 ? ` (IC …${input.collected_by_ic_last4})` : ""}`,
      changed_by: input.received_by,
    })),
  });
  return new WorkflowResponse(transform({ plan }, ({ plan }) => ({ paid_sen: plan.paid_sen, change_sen: plan.change_sen })));
});
