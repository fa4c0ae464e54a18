import { contactOptBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { setWhatsAppContactOptOutWorkflow } from "../../../../../workflows/set-whatsapp-contact-opt-out";
import { phoneOr400, SENDERS } from "../../shared";
import { toApiContact } from "../contact";

/** The customer agreed to hear from the shop again. */
export const POST = staffRoute(SENDERS, async (req, res) => {
  const body = parseOrThrow(contactOptBodySchema, req.body);
  const { result } = await setWhatsAppContactOptOutWorkflow(req.scope).run({ input: { phone: phoneOr400(body.phone, "phone"), opted_out: false } });
  res.json({ contact: toApiContact(result.contact) });
});
