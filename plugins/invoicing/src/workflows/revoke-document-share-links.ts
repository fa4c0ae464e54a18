import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { revokeShareLinksStep, type RevokeShareLinksInput } from "./steps/revoke-document-share-links";

export type { RevokeShareLinksInput } from "./steps/revoke-document-share-links";

/** Stops every WhatsApp link of a quotation or invoice from opening. */
export const revokeDocumentShareLinksWorkflow = createWorkflow("revoke-document-share-links", (input: RevokeShareLinksInput) =>
  new WorkflowResponse(revokeShareLinksStep(input)),
);
