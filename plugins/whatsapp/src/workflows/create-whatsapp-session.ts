import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { createSessionStep, type NewSession } from "./steps/sessions";

export const createWhatsAppSessionWorkflow = createWorkflow("create-whatsapp-session", (input: NewSession) => {
  return new WorkflowResponse(createSessionStep(input));
});
