import { staffRoute } from "@voltura/medusa-kit";
import { SALES_READERS, SALES_SHARERS } from "../../../../../../invoicing/roles";
import { shareDocument } from "../../../../../../invoicing/send";
import { listShareLinks } from "../../../../../../invoicing/share-links";

/** A new revocable link to the invoice PDF with its caption and the buyer's phone, for the WhatsApp gateway. */
export const POST = staffRoute(SALES_SHARERS, async (req, res) => {
  res.json({ share: await shareDocument(req.scope, "invoice", req.params.id!, req.actor.id) });
});

/** The invoice's issued links, newest first, and whether each still opens. */
export const GET = staffRoute(SALES_READERS, async (req, res) => {
  res.json({ links: await listShareLinks(req.scope, "invoice", req.params.id!) });
});
