import { describe, expect, it } from "vitest";
import { CLOUD_UNKNOWN_OUTCOME_WAIT_MS, cloudOutcomeUnknown, MAX_SEND_ATTEMPTS, outboxAction, stableWaMessageId, type OutboxRow } from "../domain/outbox";

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

describe("outboxAction on a Cloud API session (no idempotency key at Meta)", () => {
  const ranOut = "2026-12-06T07:59:00.000Z";
  const crashed = row({ lease_until: ranOut, send_attempts: 1, wa_message_id: null });
  const at = (msAfterLease: number) => new Date(Date.parse(ranOut) + msAfterLease);

  it("waits for Meta's status webhook after a claim ran out with no WhatsApp id, then sends again", () => {
    expect(cloudOutcomeUnknown(crashed, "cloud_api", at(1))).toBe(true);
    expect(outboxAction(crashed, at(1), "cloud_api")).toBe("await_outcome");
    expect(outboxAction(crashed, at(CLOUD_UNKNOWN_OUTCOME_WAIT_MS - 1), "cloud_api")).toBe("await_outcome");
    expect(outboxAction(crashed, at(CLOUD_UNKNOWN_OUTCOME_WAIT_MS + 1), "cloud_api")).toBe("send");
  });
  it("does not wait when the outcome is known", () => {
    // The id was recorded: a status webhook or the send itself closes the row; nothing is unknown.
    expect(cloudOutcomeUnknown({ ...crashed, wa_message_id: "wamid.HBgM" }, "cloud_api", at(1))).toBe(false);
    // A finished attempt (a failure answer from Meta) cleared the lease: send again at once.
    expect(outboxAction({ ...crashed, lease_until: null }, at(1), "cloud_api")).toBe("send");
    // Never claimed: queued, not unknown.
    expect(outboxAction(row({ wa_message_id: null }), now, "cloud_api")).toBe("send");
    // Baileys and the simulator choose their ids: a resend carries the same one, no wait.
    expect(outboxAction(crashed, at(1), "baileys")).toBe("send");
    expect(outboxAction(crashed, at(1), "simulator")).toBe("send");
  });
  it("keeps a live claim held and a settled row done", () => {
    expect(outboxAction({ ...crashed, lease_until: "2026-12-06T08:10:00.000Z" }, now, "cloud_api")).toBe("held");
    expect(outboxAction({ ...crashed, status: "sent" }, at(1), "cloud_api")).toBe("done");
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
