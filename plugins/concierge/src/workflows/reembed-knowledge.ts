import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { reembedAllStep } from "./steps/knowledge";

export const reembedKnowledgeWorkflow = createWorkflow("reembed-knowledge", () => {
  return new WorkflowResponse(reembedAllStep());
});
