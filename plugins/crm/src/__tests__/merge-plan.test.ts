import { describe, expect, it } from "vitest";
import type { DeviceRow } from "../domain/customer-state";
import { mergedProfile, mergeKey, mergeReplay, mergeRequestHash, planDeviceMoves } from "../domain/merge-plan";

const device = (id: string, imei: string | null): DeviceRow => ({ id, device_type: "phone", brand: "Apple", model: "iPhone 11", imei_serial: imei, colour: null, created_at: "2026-11-01T00:00:00Z" });

describe("mergedProfile", () => {
  it("a walk-in primary takes the duplicate's type; tags join; the later visit wins", () => {
    expect(
      mergedProfile(
        { customer_type: "walk_in", tags: ["vip"], last_visit_at: "2026-11-01T00:00:00Z" },
        { customer_type: "corporate", tags: ["Late payer", "VIP"], last_visit_at: "2026-11-20T00:00:00Z" },
      ),
    ).toEqual({ customer_type: "corporate", tags: ["vip", "late payer"], last_visit_at: "2026-11-20T00:00:00Z" });
  });
  it("keeps a primary's own type and visit, and is the primary's own without a duplicate profile", () => {
    const primary = { customer_type: "dealer" as const, tags: [], last_visit_at: "2026-11-21T00:00:00Z" };
    expect(mergedProfile(primary, { customer_type: "corporate", tags: [], last_visit_at: null })).toEqual(primary);
    expect(mergedProfile(primary, null)).toBe(primary);
  });
});

describe("planDeviceMoves", () => {
  it("moves other devices and folds one the primary has under the same IMEI in any format", () => {
    expect(planDeviceMoves([device("mine", "356938035643809")], [device("theirs", "35 693803 564380 9"), device("tab", null)])).toEqual([
      { kind: "fold", device_id: "theirs", into_id: "mine" },
      { kind: "move", device_id: "tab" },
    ]);
  });
});

describe("merge idempotency", () => {
  it("the pair is the key when none is given; the same key with another pair is a reuse", () => {
    expect(mergeKey("cus_a", "cus_b")).toBe("merge:cus_a:cus_b");
    expect(mergeKey("cus_a", "cus_b", "console-1")).toBe("console-1");
    const result = { duplicate_id: "cus_b", repair_jobs: 1, devices: 0, notes: 2, orders: 0 };
    const stored = { request_hash: mergeRequestHash("cus_a", "cus_b"), result };
    expect(mergeReplay(null, stored.request_hash)).toEqual({ kind: "none" });
    expect(mergeReplay(stored, mergeRequestHash("cus_a", "cus_b"))).toEqual({ kind: "replay", result });
    expect(mergeReplay(stored, mergeRequestHash("cus_a", "cus_c"))).toEqual({ kind: "reused" });
  });
});
