import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { conciergeOf } from "./service";

export interface NewConciergeDraft { phone: string; body: string; language: "ms" | "en" | "mixed"; source_text: string; requested_by: string }

export const saveDraftStep = createStep(
  "save-concierge-draft",
  async (input: NewConciergeDraft, { container }) => {
    const draft = await conciergeOf(container).createDrafts(input);
    return new StepResponse(draft, draft.id);
  },
  async (id, { container }) => {
    if (id) await conciergeOf(container).deleteDrafts(id);
  },
);
