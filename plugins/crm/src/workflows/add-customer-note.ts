import { emitEventStep } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { LIVE_EVENTS } from "@voltura/domain";
import { addCustomerNoteStep, type AddCustomerNoteInput } from "./steps/add-customer-note";

/** Appends a note to a customer's history; notes are never edited or deleted. */
export const addCustomerNoteWorkflow = createWorkflow("add-crm-customer-note", (input: AddCustomerNoteInput) => {
  const added = addCustomerNoteStep(input);
  emitEventStep({ eventName: LIVE_EVENTS.customerUpdated, data: transform({ input }, ({ input }) => ({ id: input.customer_id })) });
  return new WorkflowResponse(added);
});
export type { AddCustomerNoteInput };
