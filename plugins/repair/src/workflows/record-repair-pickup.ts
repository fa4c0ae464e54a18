import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { commitPickupStep } from "./steps/commit-pickup";
import { preparePickupStep, type PickupInput } from "./steps/prepare-pickup";
import { runRepairJobEffectsStep } from "./steps/run-repair-job-effects";

export type RecordRepairPickupInput = PickupInput;

/**
 * The customer collects: (1) payments, warranties and the move to Delivered commit in one
 * transaction; (2) the outbox mirrors the payments on the invoice's Medusa order, signals the job's
 * and the pickup reminders' workflows and emits the event (the recovery job finishes it after a crash).
 */
export const recordRepairPickupWorkflow = createWorkflow("record-repair-pickup", (input: RecordRepairPickupInput) => {
  const plan = preparePickupStep(input);
  const committed = commitPickupStep(transform({ input, plan }, ({ input, plan }) => ({ input, plan })));
  runRepairJobEffectsStep(committed);
  return new WorkflowResponse(transform({ plan }, ({ plan }) => ({ paid_sen: plan.paid_sen, change_sen: plan.change_sen })));
});
