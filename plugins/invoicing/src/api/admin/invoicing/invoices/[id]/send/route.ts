import { sendDocumentBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { respondToError } from "../../../../../respond";
import { INVOICING_WRITERS } from "../../../../../../domain/roles";
import { emailDocument } from "../../../send-document";

/** Emails the invoice PDF: { channel: "email", to?, message? } → { delivery: "smtp" | "outbox" }. WhatsApp: see ./share. */
export const POST = staffRoute(INVOICING_WRITERS, async (req, res) => {
  const body = parseOrThrow(sendDocumentBodySchema, req.body);
  try {
    res.json(await emailDocument(req.scope, "invoice", req.params.id!, { to: body.to, message: body.message }));
  } catch (error) {
    respondToError(res, error);
  }
});
