import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { deleteSessionStep } from "./steps/sessions";

export const deleteWhatsAppSessionWorkflow = createWorkflow("delete-whatsapp-session", (input: { id: string }) => {
  return new WorkflowResponse(deleteSessionStep(input.id));
});
