import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { signalPickupOptOutStep } from "./steps/signal-pickup-opt-out";

/** A customer opted out on WhatsApp: their running pickup reminders stop. Answers the workflow ids signalled. */
export const stopPickupRemindersWorkflow = createWorkflow("stop-pickup-reminders", (input: { phone: string }) => {
  return new WorkflowResponse(signalPickupOptOutStep(input));
});
