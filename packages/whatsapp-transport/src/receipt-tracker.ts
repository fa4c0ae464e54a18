import { BoundedMap } from "./bounded-map.js";
import type { ReceiptStatus } from "./types.js";

const RANK: Record<ReceiptStatus | "pending", number> = { pending: 0, sent: 1, delivered: 2, read: 3 };

interface Tracked {
  status: ReceiptStatus | "pending";
  to?: string;
}

/**
 * Keeps each outbound message's delivery status moving forward only: sent → delivered → read.
 * A late "delivered" after "read" (WhatsApp sends receipts per device, out of order) is ignored.
 */
export class ReceiptTracker {
  private readonly messages: BoundedMap<string, Tracked>;

  constructor(capacity = 20_000) {
    this.messages = new BoundedMap(capacity);
  }

  registerOutbound(messageId: string, to: string): void {
    const tracked = this.messages.get(messageId);
    // A receipt can beat the send's own answer; keep its status and add the recipient.
    this.messages.set(messageId, { status: tracked?.status ?? "pending", to: tracked?.to ?? to });
  }

  /** Records the status; true only when it moves the message forward (so a receipt is due). */
  advance(messageId: string, status: ReceiptStatus): boolean {
    const tracked = this.messages.get(messageId) ?? { status: "pending" };
    if (RANK[status] <= RANK[tracked.status]) return false;
    this.messages.set(messageId, { ...tracked, status });
    return true;
  }

  statusOf(messageId: string): ReceiptStatus | "pending" | undefined {
    return this.messages.get(messageId)?.status;
  }

  recipientOf(messageId: string): string | undefined {
    return this.messages.get(messageId)?.to;
  }
}
