import { staffRoute } from "@voltura/medusa-kit";
import { toConversation, toHandoff } from "../../../../../modules/concierge/records";
import { conciergeOf } from "../../../../../workflows/steps/service";
import { INBOX } from "../../roles";
import { findConversation, phoneOrThrow } from "../../support";

/** The chat's AI context and its open handoff (the message history itself is the WhatsApp log). */
export const GET = staffRoute(INBOX, async (req, res) => {
  const phone = phoneOrThrow(req.params.phone!);
  const conversation = await findConversation(req.scope, phone);
  const handoff = await conciergeOf(req.scope).activeHandoff(phone);
  res.json({ conversation: conversation ? toConversation(conversation) : null, handoff: handoff ? toHandoff(handoff) : null });
});
