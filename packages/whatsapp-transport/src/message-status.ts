/** The delivery status of a logged message, as the gateway stores it. */
export const messageStatuses = ["pending", "sent", "delivered", "read", "failed"] as const;
export type MessageStatus = (typeof messageStatuses)[number];

const RANK: Record<Exclude<MessageStatus, "failed">, number> = { pending: 0, sent: 1, delivered: 2, read: 3 };

/**
 * The status a message moves to when `incoming` is reported while it is `current`, or null when
 * the report changes nothing. Status only moves forward (pending → sent → delivered → read, steps
 * may be skipped); `failed` is allowed from pending or sent only, and nothing leaves `failed`
 * except a later receipt proving delivery (WhatsApp retried on its own).
 */
export function nextMessageStatus(current: MessageStatus, incoming: MessageStatus): MessageStatus | null {
  if (incoming === current) return null;
  if (incoming === "failed") return current === "pending" || current === "sent" ? "failed" : null;
  if (current === "failed") return incoming === "delivered" || incoming === "read" ? incoming : null;
  return RANK[incoming] > RANK[current] ? incoming : null;
}
