import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { invoicingService } from "./context";

export interface RevokeShareLinksInput {
  document_kind: "quotation" | "invoice";
  document_id: string;
  actor_id: string;
}

/** Marks every link of the document that is not revoked yet; compensation opens them again. */
export const revokeShareLinksStep = createStep(
  "revoke-document-share-links",
  async (input: RevokeShareLinksInput, { container }) => {
    const service = invoicingService(container);
    const open = await service.listDocumentShareLinks({ document_kind: input.document_kind, document_id: input.document_id, revoked_at: null });
    const ids = open.map((l) => l.id);
    if (ids.length) await service.updateDocumentShareLinks(ids.map((id) => ({ id, revoked_at: new Date(), revoked_by: input.actor_id })));
    return new StepResponse({ revoked_ids: ids }, ids);
  },
  async (ids, { container }) => {
    if (!ids?.length) return;
    await invoicingService(container).updateDocumentShareLinks(ids.map((id) => ({ id, revoked_at: null, revoked_by: null })));
  },
);
