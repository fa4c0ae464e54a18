import { MANAGERS } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { STAFF_GUARD_MODULE } from "../../../../modules/staff-guard";
import type StaffGuardService from "../../../../modules/staff-guard/service";

/** Accounts locked by wrong passwords in the last day, newest first (the staff page's lockout list). */
export const GET = staffRoute(MANAGERS, async (req, res) => {
  const now = new Date();
  const lockouts = await req.scope.resolve<StaffGuardService>(STAFF_GUARD_MODULE).listLockouts({ now });
  res.json({
    lockouts: lockouts.map((l) => ({
      email: l.email,
      failures: l.failures,
      locked_at: l.locked_at.toISOString(),
      locked_until: l.locked_until.toISOString(),
      still_locked: l.locked_until > now,
      last_ip: l.last_ip,
    })),
  });
});
