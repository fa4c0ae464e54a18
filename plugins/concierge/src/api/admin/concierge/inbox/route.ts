import { staffRoute } from "@voltura/medusa-kit";
import { toConversation, toHandoff, type ConversationRecord, type HandoffRecord } from "../../../../shapes";
import { conciergeOf } from "../../../../workflows/steps/service";
import { INBOX } from "../roles";

/** Open and claimed handoffs (escalated first, then oldest first), then the most recent live chats. */
export const GET = staffRoute(INBOX, async (req, res) => {
  const service = conciergeOf(req.scope);
  const handoffs = (await service.listHandoffs({ status: ["open", "claimed"] }, { order: { opened_at: "ASC" }, take: 200 })) as unknown as HandoffRecord[];
  handoffs.sort((a, b) => Number(Boolean(b.escalated_at)) - Number(Boolean(a.escalated_at)));
  const conversations = (await service.listConversations({}, { order: { last_message_at: "DESC" }, take: 50 })) as unknown as ConversationRecord[];
  res.json({ handoffs: handoffs.map(toHandoff), conversations: conversations.map(toConversation) });
});
