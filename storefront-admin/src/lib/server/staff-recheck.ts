import type { SessionStaff } from "./session-store";
import { consoleRoleOf, type StaffMember } from "./staff-api";

/**
 * A session holds a snapshot of the staff record taken at sign-in. On every request the console
 * checks that snapshot against commerce (`GET /admin/staff?email=` as the system actor) through
 * this cache, so a deactivated member is signed out and a changed role applies within the TTL.
 */
export const STAFF_RECHECK_TTL_MS = 30_000;

export type RecheckVerdict =
  /** Still active: `staff` is the current record; `changed`: commerce's role or name differ from the snapshot. */
  | { kind: "ok"; staff: SessionStaff; changed: boolean }
  /** Deactivated, removed, a service role, or the email now belongs to another account. */
  | { kind: "revoked" }
  /** Commerce could not be asked and no decision is recent enough for this request. */
  | { kind: "unavailable" };

interface Decision {
  staff: SessionStaff | null;
  checkedAt: number;
}

export interface StaffRecheckOptions {
  /** The commerce staff record for an email, or null; throws when commerce cannot be reached. */
  lookup(email: string): Promise<StaffMember | null>;
  ttlMs?: number;
  now?: () => number;
  maxEntries?: number;
}

function decide(snapshot: SessionStaff, member: StaffMember | null): SessionStaff | null {
  const role = consoleRoleOf(member);
  if (!member || !role || member.id !== snapshot.id) return null;
  return { id: member.id, email: member.email, name: member.name || member.email, role };
}

function verdictFor(snapshot: SessionStaff, current: SessionStaff | null): RecheckVerdict {
  if (!current) return { kind: "revoked" };
  return { kind: "ok", staff: current, changed: current.role !== snapshot.role || current.name !== snapshot.name };
}

export function createStaffRecheck(options: StaffRecheckOptions) {
  const ttlMs = Math.min(options.ttlMs ?? STAFF_RECHECK_TTL_MS, STAFF_RECHECK_TTL_MS);
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 1000;
  const decisions = new Map<string, Decision>();

  return {
    /**
     * The decision for a session's staff member. A fresh decision (under the TTL) that agrees
     * with the snapshot is used as is; otherwise commerce is asked. When commerce cannot be
     * reached, a write is refused ("unavailable") and a read may use a decision under the TTL.
     */
    async check(snapshot: SessionStaff, request: { write: boolean }): Promise<RecheckVerdict> {
      const cached = decisions.get(snapshot.id);
      const fresh = cached !== undefined && now() - cached.checkedAt < ttlMs;
      const agrees = cached?.staff?.role === snapshot.role && cached.staff.name === snapshot.name;
      if (fresh && agrees) return verdictFor(snapshot, cached.staff);

      let member: StaffMember | null;
      try {
        member = await options.lookup(snapshot.email);
      } catch {
        // A read may go on with the recent decision; it is not written back to the session.
        if (!request.write && fresh) return cached.staff ? { kind: "ok", staff: cached.staff, changed: false } : { kind: "revoked" };
        return { kind: "unavailable" };
      }
      const current = decide(snapshot, member);
      if (decisions.size >= maxEntries) decisions.clear();
      decisions.set(snapshot.id, { staff: current, checkedAt: now() });
      return verdictFor(snapshot, current);
    },

    /** Drops what is known about a member (after an edit made through the console). */
    forget(staffId: string): void {
      decisions.delete(staffId);
    },

    clear(): void {
      decisions.clear();
    },
  };
}

export type StaffRecheck = ReturnType<typeof createStaffRecheck>;
