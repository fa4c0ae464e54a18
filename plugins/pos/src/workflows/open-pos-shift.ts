import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { openPosShiftStep, type OpenPosShiftInput } from "./steps/open-pos-shift";

export type { OpenPosShiftInput } from "./steps/open-pos-shift";

export const openPosShiftWorkflow = createWorkflow("open-pos-shift", (input: OpenPosShiftInput) => new WorkflowResponse(openPosShiftStep(input)));
