import { describe, expect, it, vi } from "vitest";
import type { SessionStaff } from "./session-store";
import type { StaffMember } from "./staff-api";
import { createStaffRecheck, STAFF_RECHECK_TTL_MS } from "./staff-recheck";

const snapshot: SessionStaff = { id: "user_01CASHIER", email: "cashier@voltura.demo", name: "Nurul Cashier", role: "cashier" };
const record: StaffMember = { id: snapshot.id, email: snapshot.email, name: snapshot.name, role: "cashier", active: true };
const read = { write: false };
const write = { write: true };

function setup(answer: () => Promise<StaffMember | null>) {
  let t = 1_000_000;
  const lookup = vi.fn(answer);
  const recheck = createStaffRecheck({ lookup, now: () => t });
  return { recheck, lookup, advance: (ms: number) => (t += ms) };
}

const unreachable = () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:9000"));

describe("staff re-check on every request", () => {
  it("asks commerce once per 30 seconds per member, as long as nothing changes", async () => {
    const { recheck, lookup, advance } = setup(async () => record);
    expect(await recheck.check(snapshot, read)).toEqual({ kind: "ok", staff: snapshot, changed: false });
    advance(STAFF_RECHECK_TTL_MS - 1);
    await recheck.check(snapshot, write);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup).toHaveBeenCalledWith("cashier@voltura.demo");
    advance(1);
    await recheck.check(snapshot, read);
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it("never caches longer than 30 seconds, whatever it is given", async () => {
    let t = 0;
    const lookup = vi.fn(async () => record);
    const recheck = createStaffRecheck({ lookup, now: () => t, ttlMs: 10 * 60_000 });
    await recheck.check(snapshot, read);
    t = STAFF_RECHECK_TTL_MS;
    await recheck.check(snapshot, read);
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it("signs out a member deactivated in commerce within the TTL", async () => {
    let current: StaffMember = record;
    const { recheck, advance } = setup(async () => current);
    expect((await recheck.check(snapshot, read)).kind).toBe("ok");
    current = { ...record, active: false };
    advance(STAFF_RECHECK_TTL_MS);
    expect(await recheck.check(snapshot, read)).toEqual({ kind: "revoked" });
  });

  it.each([
    ["removed", null],
    ["inactive", { ...record, active: false }],
    ["a service account", { ...record, role: "system" }],
    ["another account with the same email", { ...record, id: "user_02OTHER" }],
  ])("refuses a member who is now %s", async (_name, member) => {
    const { recheck } = setup(async () => member);
    expect(await recheck.check(snapshot, read)).toEqual({ kind: "revoked" });
  });

  it("applies a role changed in commerce, and the new name", async () => {
    let current: StaffMember = record;
    const { recheck, advance } = setup(async () => current);
    await recheck.check(snapshot, read);
    current = { ...record, role: "technician", name: "Nurul Tech" };
    advance(STAFF_RECHECK_TTL_MS);
    expect(await recheck.check(snapshot, read)).toEqual({
      kind: "ok",
      staff: { ...snapshot, role: "technician", name: "Nurul Tech" },
      changed: true,
    });
  });

  it("asks again at once when the session's snapshot disagrees with the cached decision", async () => {
    let current: StaffMember = record;
    const { recheck, lookup } = setup(async () => current);
    await recheck.check(snapshot, read);
    // Someone changed the role through the console: the session row already says manager.
    current = { ...record, role: "manager" };
    const promoted = { ...snapshot, role: "manager" as const };
    expect(await recheck.check(promoted, read)).toEqual({ kind: "ok", staff: promoted, changed: false });
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it("never trusts a cached refusal: a reactivated member is asked about again", async () => {
    let current: StaffMember | null = null;
    const { recheck, lookup } = setup(async () => current);
    expect((await recheck.check(snapshot, read)).kind).toBe("revoked");
    current = record;
    expect((await recheck.check(snapshot, read)).kind).toBe("ok");
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  describe("when commerce cannot be reached", () => {
    it("refuses writes and reads without a recent decision", async () => {
      const { recheck } = setup(unreachable);
      expect(await recheck.check(snapshot, write)).toEqual({ kind: "unavailable" });
      expect(await recheck.check(snapshot, read)).toEqual({ kind: "unavailable" });
    });

    it("lets reads use a decision under the TTL, but not writes that need a new answer", async () => {
      let fail = false;
      const { recheck, advance } = setup(async () => (fail ? unreachable() : record));
      await recheck.check(snapshot, read);
      fail = true;
      // The snapshot disagrees (a promotion through the console), so commerce must be asked.
      const promoted = { ...snapshot, role: "manager" as const };
      advance(1000);
      expect(await recheck.check(promoted, read)).toEqual({ kind: "ok", staff: snapshot, changed: false });
      expect(await recheck.check(promoted, write)).toEqual({ kind: "unavailable" });
      advance(STAFF_RECHECK_TTL_MS);
      expect(await recheck.check(snapshot, read)).toEqual({ kind: "unavailable" });
      expect(await recheck.check(snapshot, write)).toEqual({ kind: "unavailable" });
    });
  });

  it("forgets a member on request", async () => {
    const { recheck, lookup } = setup(async () => record);
    await recheck.check(snapshot, read);
    recheck.forget(snapshot.id);
    await recheck.check(snapshot, read);
    expect(lookup).toHaveBeenCalledTimes(2);
  });
});
