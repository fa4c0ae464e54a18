import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { ConciergeSettingsPatch } from "@voltura/contracts";
import { saveConciergeSettingsStep } from "./steps/settings";

export const updateConciergeSettingsWorkflow = createWorkflow(
  "update-concierge-settings",
  (input: { patch: ConciergeSettingsPatch; updated_by: string }) => new WorkflowResponse(saveConciergeSettingsStep(input)),
);
