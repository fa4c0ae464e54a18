import { describe, expect, it } from "vitest";
import { ConversationState, SEEN_LIMIT } from "./conversation-state.js";

const msg = (id: string) => ({ messageId: id, body: `body ${id}`, receivedAt: "2026-03-01T02:00:00.000Z", customerId: null, sessionId: "s" });
const T0 = Date.parse("2026-03-01T02:00:00.000Z");

describe("ConversationState", () => {
  it("queues each message id once and forgets the oldest ids past the limit", () => {
    const state = new ConversationState("+60123456789");
    expect(state.enqueue(msg("a"))).toBe(true);
    expect(state.enqueue(msg("a"))).toBe(false);
    expect(state.next()?.messageId).toBe("a");
    expect(state.hasPending()).toBe(false);
    for (let i = 0; i < SEEN_LIMIT; i++) state.enqueue(msg(`m${i}`));
    expect(state.summary().seen).toBe(SEEN_LIMIT);
    expect(state.enqueue(msg("a"))).toBe(true);
  });

  it("times the escalation from the last staff activity and escalates once", () => {
    const state = new ConversationState("+60123456789");
    expect(state.escalationDelay(T0)).toBeNull();
    state.openHandoff({ handoffId: "h1", openedAt: new Date(T0).toISOString(), escalateAfterMs: 600_000 });
    expect(state.quiet).toBe(true);
    expect(state.escalationDelay(T0 + 60_000)).toBe(540_000);
    state.staffReplied(new Date(T0 + 300_000).toISOString(), "h1");
    expect(state.escalationDelay(T0 + 300_000)).toBe(600_000);
    state.staffReplied(new Date(T0 + 100_000).toISOString(), "h1");
    expect(state.escalationDelay(T0 + 300_000)).toBe(600_000);
    state.staffReplied(new Date(T0 + 400_000).toISOString(), "other");
    expect(state.escalationDelay(T0 + 300_000)).toBe(600_000);
    state.markEscalated();
    expect(state.escalationDelay(T0 + 10_000_000)).toBeNull();
  });

  it("ignores a repeated open and a close of another handoff; closing resumes the bot", () => {
    const state = new ConversationState("+60123456789");
    state.openHandoff({ handoffId: "h1", openedAt: new Date(T0).toISOString(), escalateAfterMs: 600_000 });
    const version = state.version;
    state.openHandoff({ handoffId: "h1", openedAt: new Date(T0 + 5000).toISOString(), escalateAfterMs: 1000 });
    expect(state.version).toBe(version);
    state.closeHandoff("h2");
    expect(state.quiet).toBe(true);
    state.closeHandoff("h1");
    expect(state.quiet).toBe(false);
    expect(state.summary().mode).toBe("bot");
  });

  it("carries everything across continue-as-new", () => {
    const state = new ConversationState("+60123456789");
    state.enqueue(msg("a"));
    state.enqueue(msg("b"));
    state.next();
    state.answered = 7;
    state.openHandoff({ handoffId: "h1", openedAt: new Date(T0).toISOString(), escalateAfterMs: 600_000 });
    const next = new ConversationState("+60123456789", state.continuation().carried);
    expect(next.enqueue(msg("a"))).toBe(false);
    expect(next.next()?.messageId).toBe("b");
    expect(next.summary()).toMatchObject({ answered: 7, mode: "handoff", seen: 2 });
  });
});
