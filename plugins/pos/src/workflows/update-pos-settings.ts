import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { updatePosSettingsStep, type PosSettingsChange } from "./steps/update-pos-settings";

export type { PosSettingsChange } from "./steps/update-pos-settings";

export const updatePosSettingsWorkflow = createWorkflow("update-pos-settings", (input: PosSettingsChange) => new WorkflowResponse(updatePosSettingsStep(input)));
