import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { deleteKnowledgeStep } from "./steps/knowledge";

export const deleteKnowledgeDocumentWorkflow = createWorkflow("delete-knowledge-document", (id: string) => {
  return new WorkflowResponse(deleteKnowledgeStep(id));
});
