import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { addCustomerNoteStep, type AddCustomerNoteInput } from "./steps/add-customer-note";

/** Appends a note to a customer's history; notes are never edited or deleted. */
export const addCustomerNoteWorkflow = createWorkflow("add-crm-customer-note", (input: AddCustomerNoteInput) => {
  return new WorkflowResponse(addCustomerNoteStep(input));
});
export type { AddCustomerNoteInput };
