import { inboxQuerySchema } from "@voltura/contracts";
import { z } from "zod";
import { parseOrThrow, rows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { customerNames, inboxStatements } from "./inbox-sql";
import { conversationRowSchema, handoffRowSchema, toConversation, toHandoff } from "../../../../modules/concierge/records";
import { INBOX } from "../roles";

/**
 * Open and claimed handoffs (escalated first, then oldest first), then the live chats by last
 * activity, a page at a time: `limit` (default 50) and `before` (the `next_cursor` of the page before).
 */
export const GET = staffRoute(INBOX, async (req, res) => {
  const q = parseOrThrow(inboxQuerySchema, req.query);
  const db = sqlConnection(req.scope);
  const statements = inboxStatements(q);
  const [handoffs, found] = await Promise.all([
    rows(db, statements.handoffs.sql, statements.handoffs.bindings),
    rows(db, statements.conversations.sql, statements.conversations.bindings),
  ]);
  const page = found.slice(0, q.limit);
  const names = await customerNames(db, [...handoffs, ...page].map((r) => r.customer_id as string | null));
  const named = <T extends { customer_id: string | null }>(r: T) => ({ ...r, customer_name: (r.customer_id && names.get(r.customer_id)) || null });
  res.json({
    handoffs: z.array(handoffRowSchema).parse(handoffs).map(toHandoff).map(named),
    conversations: z.array(conversationRowSchema).parse(page).map(toConversation).map(named),
    next_cursor: found.length > q.limit ? String(page.at(-1)!.next_cursor) : null,
  });
});
