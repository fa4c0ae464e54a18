import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { saveSettingsRowStep, type SettingsRowInput } from "./steps/save-settings-row";

export type { SettingsRowInput } from "./steps/save-settings-row";

/** Saves a document template ("quotation" / "invoice") or the MyInvois supplier profile ("default"). */
export const saveInvoicingSettingsWorkflow = createWorkflow(
  "save-invoicing-settings",
  (input: SettingsRowInput) => new WorkflowResponse(saveSettingsRowStep(input)),
);
