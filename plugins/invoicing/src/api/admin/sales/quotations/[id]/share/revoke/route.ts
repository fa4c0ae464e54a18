import { recordAudit, staffRoute } from "@voltura/medusa-kit";
import { SALES_MANAGERS } from "../../../../../../../invoicing/roles";
import { listShareLinks } from "../../../../../../../invoicing/share-links";
import { loadQuotation } from "../../../../../../../invoicing/documents";
import { revokeDocumentShareLinksWorkflow } from "../../../../../../../workflows/revoke-document-share-links";

/** Managers: every WhatsApp link of the quotation stops opening (410 from then on). Audited. */
export const POST = staffRoute(SALES_MANAGERS, async (req, res) => {
  const record = await loadQuotation(req.scope, req.params.id!);
  const number = record.quotation_number;
  const { result } = await revokeDocumentShareLinksWorkflow(req.scope).run({
    input: { document_kind: "quotation", document_id: record.id, actor_id: req.actor.id },
  });
  const links = await listShareLinks(req.scope, "quotation", record.id);
  await recordAudit(req, {
    action: "sales.share_links_revoked",
    entity: "quotation",
    entity_id: record.id,
    changes: { unrevoked_links: { before: result.revoked_ids.length, after: 0 } },
    metadata: { number, revoked_ids: result.revoked_ids },
  });
  res.json({ revoked: result.revoked_ids.length, links });
});
