import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { saveSettingsRowStep } from "./steps/save-settings-row";

/** Saves a document template ("quotation" / "invoice") or the MyInvois supplier profile ("default"). */
export const saveInvoicingSettingsWorkflow = createWorkflow(
  "save-invoicing-settings",
  (input: { kind: "template" | "profile"; row: Record<string, unknown> & { id: string } }) => new WorkflowResponse(saveSettingsRowStep(input)),
);
