import { describe, expect, it } from "vitest";
import { MAX_SEND_ATTEMPTS, outboxAction, stableWaMessageId, type OutboxRow } from "../domain/outbox";

const now = new Date("2026-12-06T08:00:00.000Z");
const row = (patch: Partial<OutboxRow> = {}): OutboxRow => ({ direction: "out", status: "pending", lease_until: null, send_attempts: 0, ...patch });

describe("outboxAction", () => {
  it("sends a queued message and one whose claim ran out", () => {
    expect(outboxAction(row(), now)).toBe("send");
    expect(outboxAction(row({ lease_until: "2026-12-06T07:59:59.000Z", send_attempts: 1 }), now)).toBe("send");
  });
  it("leaves a live claim to its holder", () => {
    expect(outboxAction(row({ lease_until: "2026-12-06T08:00:01.000Z", send_attempts: 1 }), now)).toBe("held");
  });
  it("gives up after the last attempt, but never on a live claim", () => {
    expect(outboxAction(row({ send_attempts: MAX_SEND_ATTEMPTS - 1 }), now)).toBe("send");
    expect(outboxAction(row({ send_attempts: MAX_SEND_ATTEMPTS }), now)).toBe("give_up");
    expect(outboxAction(row({ send_attempts: MAX_SEND_ATTEMPTS, lease_until: "2026-12-06T08:00:30.000Z" }), now)).toBe("held");
  });
  it("has nothing to do for sent, failed or inbound rows", () => {
    for (const status of ["sent", "delivered", "read", "failed"]) expect(outboxAction(row({ status }), now)).toBe("done");
    expect(outboxAction(row({ direction: "in" }), now)).toBe("done");
  });
});

describe("stableWaMessageId", () => {
  it("is the same for one key and different for another, shaped like the transport's ids", () => {
    const a = stableWaMessageId("quote:job_1:v1", "baileys");
    expect(a).toBe(stableWaMessageId("quote:job_1:v1", "baileys"));
    expect(a).not.toBe(stableWaMessageId("quote:job_1:v2", "baileys"));
    expect(a).toMatch(/^3EB0[0-9A-F]{18}$/);
    expect(stableWaMessageId("quote:job_1:v1", "simulator")).toMatch(/^SIM[0-9A-F]{16}$/);
  });
});
