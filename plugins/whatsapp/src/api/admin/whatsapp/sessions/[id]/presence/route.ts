import { whatsappPresenceBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import type { AnyRole } from "@voltura/domain";
import { ensureSupervisor } from "../../../../../../modules/whatsapp/gateway/boot";
import { answerSessionUnavailable, phoneOr400, pickSession } from "../../../shared";

/** The campaign pacer (system) shows "typing…" before a message; owners and managers may try it. */
const PRESENCE_ROLES: readonly AnyRole[] = ["system", "owner", "manager"];

/**
 * Typing presence ("composing" / "paused") to a chat from this session. Best effort: 503 when the
 * session is not open in this process (the caller sends the message anyway), 404 for an unknown session.
 */
export const POST = staffRoute(PRESENCE_ROLES, async (req, res) => {
  const body = parseOrThrow(whatsappPresenceBodySchema, req.body);
  const to = phoneOr400(body.to, "to");
  const session = await pickSession(req.scope, req.params.id);
  const supervisor = await ensureSupervisor(req.scope);
  let sent: boolean;
  try {
    sent = await supervisor.sendPresence(session.id, to, body.state);
  } catch (error) {
    return answerSessionUnavailable(res, `WhatsApp session ${session.id} could not show typing: ${(error as Error).message}`);
  }
  if (!sent) return answerSessionUnavailable(res, `WhatsApp session ${session.id} is not open in this process`);
  res.json({ session_id: session.id, to, state: body.state });
});
