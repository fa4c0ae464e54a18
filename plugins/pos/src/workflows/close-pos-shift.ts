import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { closePosShiftStep, type ClosePosShiftInput } from "./steps/close-pos-shift";

export type { ClosePosShiftInput } from "./steps/close-pos-shift";

export const closePosShiftWorkflow = createWorkflow("close-pos-shift", (input: ClosePosShiftInput) => new WorkflowResponse(closePosShiftStep(input)));
