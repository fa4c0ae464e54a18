import { describe, expect, it } from "vitest";
import { CHECKOUT_LEASE_MS, decideCheckoutRetry, leaseExpired, nextOutboxTask, ordersToKeep, recoveryAction } from "./checkout-recovery.js";

const now = new Date("2026-12-06T05:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const ahead = (ms: number) => new Date(now.getTime() + ms);

describe("leaseExpired", () => {
  it("is over at lease_until, not before", () => {
    expect(leaseExpired({ lease_until: ahead(1), created_at: ago(60_000) }, now)).toBe(false);
    expect(leaseExpired({ lease_until: now, created_at: ago(60_000) }, now)).toBe(true);
  });
  it("gives a claim without a lease one lease from its creation", () => {
    expect(leaseExpired({ lease_until: null, created_at: ago(CHECKOUT_LEASE_MS - 1) }, now)).toBe(false);
    expect(leaseExpired({ lease_until: null, created_at: ago(CHECKOUT_LEASE_MS) }, now)).toBe(true);
  });
});

describe("decideCheckoutRetry", () => {
  const claim = (status: "pending" | "committed" | "completed", lease_until: Date | null, same_body = true) => ({ status, lease_until, created_at: ago(120_000), same_body });
  it("refuses another body under the key whatever the state", () => {
    expect(decideCheckoutRetry(claim("completed", null, false), now)).toBe("reused");
    expect(decideCheckoutRetry(claim("pending", ahead(5000), false), now)).toBe("reused");
  });
  it("replays a completed sale", () => expect(decideCheckoutRetry(claim("completed", null), now)).toBe("replay"));
  it("waits for a committed sale whose outbox is held, finishes it once the lease ran out", () => {
    expect(decideCheckoutRetry(claim("committed", ahead(5000)), now)).toBe("wait");
    expect(decideCheckoutRetry(claim("committed", ago(1)), now)).toBe("finish_outbox");
  });
  it("waits for a live pending claim and takes over a dead one (never a permanent conflict)", () => {
    expect(decideCheckoutRetry(claim("pending", ahead(5000)), now)).toBe("wait");
    expect(decideCheckoutRetry(claim("pending", ago(1)), now)).toBe("take_over");
    expect(decideCheckoutRetry(claim("pending", null), now)).toBe("take_over");
  });
});

describe("recoveryAction", () => {
  const at = (status: "pending" | "committed" | "completed", lease_until: Date | null) => ({ status, lease_until, created_at: ago(120_000) });
  it("finishes committed sales and abandons pending claims only past their lease", () => {
    expect(recoveryAction(at("committed", ago(1)), now)).toBe("finish_outbox");
    expect(recoveryAction(at("committed", ahead(1000)), now)).toBe("leave");
    expect(recoveryAction(at("pending", null), now)).toBe("abandon");
    expect(recoveryAction(at("pending", ahead(1000)), now)).toBe("leave");
    expect(recoveryAction(at("completed", ago(1)), now)).toBe("leave");
  });
});

describe("nextOutboxTask", () => {
  it("runs customer → order → link → event, skipping the customer when none is to be created", () => {
    expect(nextOutboxTask({}, true)).toBe("customer");
    expect(nextOutboxTask({}, false)).toBe("order");
    expect(nextOutboxTask({ customer: true }, true)).toBe("order");
    expect(nextOutboxTask({ order: true }, false)).toBe("link");
    expect(nextOutboxTask({ order: true, link: true }, false)).toBe("event");
    expect(nextOutboxTask({ order: true, link: true, event: true }, false)).toBe("complete");
    expect(nextOutboxTask({ order: true, link: true, event: true }, true)).toBe("customer");
  });
});

describe("ordersToKeep", () => {
  it("keeps the oldest order carrying the sale's receipt number and removes the rest", () => {
    const orders = [
      { id: "o3", receipt_number: "RCP-2026-000002", created_at: ago(10) },
      { id: "o1", receipt_number: "RCP-2026-000001", created_at: ago(50) },
      { id: "o2", receipt_number: "RCP-2026-000002", created_at: ago(20) },
    ];
    const { keep, remove } = ordersToKeep(orders, "RCP-2026-000002");
    expect(keep?.id).toBe("o2");
    expect(remove.map((o) => o.id).sort()).toEqual(["o1", "o3"]);
  });
  it("keeps nothing when no order carries the number (a stale order from an abandoned attempt)", () => {
    const { keep, remove } = ordersToKeep([{ id: "o1", receipt_number: null, created_at: ago(1) }], "RCP-2026-000009");
    expect(keep).toBeNull();
    expect(remove).toHaveLength(1);
  });
});
