import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { ConciergeSettingsPatch } from "@voltura/medusa-client";
import { conciergeOf } from "./steps/service";
import { saveConciergeSettingsStep } from "./steps/settings";

export const updateConciergeSettingsWorkflow = createWorkflow(
  "update-concierge-settings",
  (input: { patch: ConciergeSettingsPatch; updated_by: string }) => new WorkflowResponse(saveConciergeSettingsStep(input)),
);

const saveDraftStep = createStep(
  "save-concierge-draft",
  async (input: { phone: string; body: string; language: "ms" | "en" | "mixed"; source_text: string; requested_by: string }, { container }) => {
    const draft = await conciergeOf(container).createDrafts(input);
    return new StepResponse(draft, draft.id);
  },
  async (id, { container }) => {
    if (id) await conciergeOf(container).deleteDrafts(id);
  },
);

/** Keeps an AI-drafted reply, so the inbox can show what was suggested. */
export const saveConciergeDraftWorkflow = createWorkflow(
  "save-concierge-draft",
  (input: { phone: string; body: string; language: "ms" | "en" | "mixed"; source_text: string; requested_by: string }) =>
    new WorkflowResponse(saveDraftStep(input)),
);
