import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { createSessionStep, deleteSessionStep, patchSessionStep, type NewSession, type SessionPatch } from "./steps/sessions";

export const createWhatsAppSessionWorkflow = createWorkflow("create-whatsapp-session", (input: NewSession) => {
  return new WorkflowResponse(createSessionStep(input));
});

/** Health reports from the owning process, and staff actions (pair again, stop). */
export const patchWhatsAppSessionWorkflow = createWorkflow("patch-whatsapp-session", (input: SessionPatch) => {
  return new WorkflowResponse(patchSessionStep(input));
});

export const deleteWhatsAppSessionWorkflow = createWorkflow("delete-whatsapp-session", (input: { id: string }) => {
  return new WorkflowResponse(deleteSessionStep(input.id));
});
