import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { patchSessionStep, type SessionPatch } from "./steps/sessions";

/** Health reports from the owning process, and staff actions (pair again, stop). */
export const patchWhatsAppSessionWorkflow = createWorkflow("patch-whatsapp-session", (input: SessionPatch) => {
  return new WorkflowResponse(patchSessionStep(input));
});
