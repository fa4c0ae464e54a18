import { staffRoute } from "@voltura/medusa-kit";
import { INVOICING_READERS, INVOICING_SHARERS } from "../../../../../../domain/roles";
import { shareDocument } from "../../../send-document";
import { listShareLinks } from "../../../../../share-links";

/** A new revocable link to the invoice PDF with its caption and the buyer's phone, for the WhatsApp gateway. */
export const POST = staffRoute(INVOICING_SHARERS, async (req, res) => {
  res.json({ share: await shareDocument(req.scope, "invoice", req.params.id!, req.actor.id) });
});

/** The invoice's issued links, newest first, and whether each still opens. */
export const GET = staffRoute(INVOICING_READERS, async (req, res) => {
  res.json({ links: await listShareLinks(req.scope, "invoice", req.params.id!) });
});
