import { sendDocumentBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { respondToError } from "../../../../../../invoicing/respond";
import { SALES_WRITERS } from "../../../../../../invoicing/roles";
import { emailDocument } from "../../../../../../invoicing/send";

/** Emails the invoice PDF: { channel: "email", to?, message? } → { delivery: "smtp" | "outbox" }. WhatsApp: see ./share. */
export const POST = staffRoute(SALES_WRITERS, async (req, res) => {
  const body = parseOrThrow(sendDocumentBodySchema, req.body);
  try {
    res.json(await emailDocument(req.scope, "invoice", req.params.id!, { to: body.to, message: body.message }));
  } catch (error) {
    respondToError(res, error);
  }
});
