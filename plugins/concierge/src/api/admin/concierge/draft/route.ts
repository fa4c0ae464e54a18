import { MedusaError } from "@medusajs/framework/utils";
import { HANDOFF_TEXT } from "@voltura/conversation";
import { draftBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { saveConciergeDraftWorkflow } from "../../../../workflows/save-concierge-draft";
import { INBOX } from "../roles";
import { dryRunAnswer, findConversation, phoneOrThrow } from "../support";

/**
 * An AI-drafted reply for a technician to edit: the concierge's answer to the customer's last
 * message, without opening a handoff. When the tools have nothing, the draft says so instead of
 * the hand-off text (the technician is the hand-off).
 */
export const POST = staffRoute(INBOX, async (req, res) => {
  const body = parseOrThrow(draftBodySchema, req.body);
  const phone = phoneOrThrow(body.phone);
  const conversation = await findConversation(req.scope, phone);
  const text = body.text ?? conversation?.recent_turns?.at(-1)?.customer;
  if (!text) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: text is required (this chat has no customer message yet)");
  const answer = await dryRunAnswer(req.scope, phone, text);
  const draftText = answer.reply === HANDOFF_TEXT ? "" : answer.reply;
  const { result } = await saveConciergeDraftWorkflow(req.scope).run({
    input: { phone, body: draftText, language: answer.language, source_text: text, requested_by: req.actor.name },
  });
  res.status(201).json({ draft: { id: result.id, phone, body: draftText, language: answer.language, source_text: text } });
});
