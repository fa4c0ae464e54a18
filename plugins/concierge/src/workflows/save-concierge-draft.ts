import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { saveDraftStep, type NewConciergeDraft } from "./steps/save-concierge-draft";

/** Keeps an AI-drafted reply, so the inbox can show what was suggested. */
export const saveConciergeDraftWorkflow = createWorkflow(
  "save-concierge-draft",
  (input: NewConciergeDraft) => new WorkflowResponse(saveDraftStep(input)),
);
