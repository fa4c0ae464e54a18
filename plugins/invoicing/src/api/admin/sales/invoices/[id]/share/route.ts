import { staffRoute } from "@voltura/medusa-kit";
import { SALES_SHARERS } from "../../../../../../invoicing/roles";
import { shareDocument } from "../../../../../../invoicing/send";

/** A signed 30-day link to the invoice PDF with its caption and the buyer's phone, for the WhatsApp gateway. */
export const POST = staffRoute(SALES_SHARERS, async (req, res) => {
  res.json({ share: await shareDocument(req.scope, "invoice", req.params.id!) });
});
