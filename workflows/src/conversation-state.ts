import type { ConversationInbound, ConversationInput, HandoffOpened } from "@voltura/domain";

/** Message ids remembered for de-duplication (WhatsApp redelivers recent messages only). */
export const SEEN_LIMIT = 500;

export interface HandoffState {
  handoffId: string;
  openedAt: string;
  /** Opened, or the last staff reply: the escalation timer counts from here. */
  lastActivityAt: string;
  escalateAfterMs: number;
  escalated: boolean;
}

export interface ConversationSummary {
  phone: string;
  mode: "bot" | "handoff";
  handoff: HandoffState | null;
  pending: number;
  answered: number;
  seen: number;
}

/**
 * The chat's state, kept deterministic and free of Temporal APIs so it can be unit-tested: the
 * queue of inbound messages (deduplicated by id), the open handoff and its escalation clock.
 */
export class ConversationState {
  private readonly seen: string[];
  private readonly seenSet: Set<string>;
  private readonly pending: ConversationInbound[];
  handoff: HandoffState | null;
  answered: number;
  /** Bumped on every handoff change, so the main loop wakes up and re-arms its timer. */
  version = 0;

  constructor(readonly phone: string, carried?: ConversationInput["carried"]) {
    this.seen = [...(carried?.seen ?? [])];
    this.seenSet = new Set(this.seen);
    this.pending = [...(carried?.pending ?? [])];
    this.handoff = carried?.handoff ?? null;
    this.answered = carried?.answered ?? 0;
  }

  /** False for a message id seen before (a redelivery or a retried signal). */
  enqueue(message: ConversationInbound): boolean {
    if (this.seenSet.has(message.messageId)) return false;
    this.seen.push(message.messageId);
    this.seenSet.add(message.messageId);
    while (this.seen.length > SEEN_LIMIT) this.seenSet.delete(this.seen.shift()!);
    this.pending.push(message);
    return true;
  }

  hasPending(): boolean {
    return this.pending.length > 0;
  }

  next(): ConversationInbound | undefined {
    return this.pending.shift();
  }

  get quiet(): boolean {
    return this.handoff !== null;
  }

  openHandoff(opened: HandoffOpened): void {
    if (this.handoff?.handoffId === opened.handoffId) return;
    this.handoff = { handoffId: opened.handoffId, openedAt: opened.openedAt, lastActivityAt: opened.openedAt, escalateAfterMs: opened.escalateAfterMs, escalated: false };
    this.version++;
  }

  /** A person answered: the escalation clock starts again (an escalated handoff stays escalated). */
  staffReplied(at: string, handoffId: string | null): void {
    if (!this.handoff || (handoffId && handoffId !== this.handoff.handoffId)) return;
    if (Date.parse(at) > Date.parse(this.handoff.lastActivityAt)) this.handoff.lastActivityAt = at;
    this.version++;
  }

  closeHandoff(handoffId: string): void {
    if (this.handoff?.handoffId !== handoffId) return;
    this.handoff = null;
    this.version++;
  }

  markEscalated(): void {
    if (this.handoff) this.handoff.escalated = true;
    this.version++;
  }

  /** Milliseconds until the open handoff escalates (≤ 0: now), or null when nothing is waiting to escalate. */
  escalationDelay(nowMs: number): number | null {
    if (!this.handoff || this.handoff.escalated) return null;
    return Date.parse(this.handoff.lastActivityAt) + this.handoff.escalateAfterMs - nowMs;
  }

  summary(): ConversationSummary {
    return { phone: this.phone, mode: this.quiet ? "handoff" : "bot", handoff: this.handoff, pending: this.pending.length, answered: this.answered, seen: this.seen.length };
  }

  continuation(): ConversationInput {
    return { phone: this.phone, carried: { seen: [...this.seen], pending: [...this.pending], handoff: this.handoff, answered: this.answered } };
  }
}
