import { listWhatsAppContactsQuerySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { whatsappService } from "../../../../workflows/steps/service";
import { phoneOr400, SENDERS } from "../shared";
import { toApiContact } from "./contact";

/** Contacts (one per phone), optionally one phone or only the opted-out ones. */
export const GET = staffRoute(SENDERS, async (req, res) => {
  const q = parseOrThrow(listWhatsAppContactsQuerySchema, req.query);
  const filter: Record<string, unknown> = {};
  if (q.phone) filter.phone = phoneOr400(q.phone, "phone");
  if (q.opted_out === "true") filter.opted_out_at = { $ne: null };
  const contacts = await whatsappService(req.scope).listWhatsAppContacts(filter, { take: 200, order: { updated_at: "DESC" } });
  res.json({ contacts: contacts.map(toApiContact) });
});
