import type { MedusaContainer } from "@medusajs/framework/types";
import { recordAudit, staffRoute } from "@voltura/medusa-kit";
import { revokeDocumentShareLinksWorkflow } from "../../../workflows/revoke-document-share-links";
import { loadInvoice, loadQuotation } from "../../../workflows/steps/documents";
import { INVOICING_MANAGERS } from "../../../domain/roles";
import { listShareLinks } from "../../share-links";

type Loaded = { id: string; number: string };

const DOCUMENTS: Record<"invoice" | "quotation", { entity: string; load(scope: MedusaContainer, id: string): Promise<Loaded> }> = {
  invoice: { entity: "sales_invoice", load: async (scope, id) => loadInvoice(scope, id).then((r) => ({ id: r.id, number: r.invoice_number })) },
  quotation: { entity: "quotation", load: async (scope, id) => loadQuotation(scope, id).then((r) => ({ id: r.id, number: r.quotation_number })) },
};

/** Managers: every WhatsApp link of the document stops opening (410 from then on). Audited. */
export function revokeShareLinksRoute(kind: "invoice" | "quotation") {
  const doc = DOCUMENTS[kind];
  return staffRoute(INVOICING_MANAGERS, async (req, res) => {
    const record = await doc.load(req.scope, req.params.id!);
    const { result } = await revokeDocumentShareLinksWorkflow(req.scope).run({
      input: { document_kind: kind, document_id: record.id, actor_id: req.actor.id },
    });
    const links = await listShareLinks(req.scope, kind, record.id);
    await recordAudit(req, {
      action: "sales.share_links_revoked",
      entity: doc.entity,
      entity_id: record.id,
      changes: { unrevoked_links: { before: result.revoked_ids.length, after: 0 } },
      metadata: { number: record.number, revoked_ids: result.revoked_ids },
    });
    res.json({ revoked: result.revoked_ids.length, links });
  });
}
