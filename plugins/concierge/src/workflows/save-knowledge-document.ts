import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { embedKnowledgeStep, upsertKnowledgeRecordStep, type KnowledgeInput } from "./steps/knowledge";

/** Saves a knowledge document and re-embeds its chunks into pgvector (both undone together). */
export const saveKnowledgeDocumentWorkflow = createWorkflow("save-knowledge-document", (input: KnowledgeInput) => {
  const saved = upsertKnowledgeRecordStep(input);
  return new WorkflowResponse(embedKnowledgeStep(saved));
});
