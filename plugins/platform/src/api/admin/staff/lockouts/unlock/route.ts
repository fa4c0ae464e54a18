import { unlockAccountBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, staffRoute } from "@voltura/medusa-kit";
import { STAFF_GUARD_MODULE } from "../../../../../modules/staff-guard";
import type StaffGuardService from "../../../../../modules/staff-guard/service";

/** An owner lifts an account's lock and backoff (the failures count starts again from zero). */
export const POST = staffRoute<{ email: string }>(["owner"], async (req, res) => {
  const { email } = parseOrThrow(unlockAccountBodySchema, req.body);
  const unlocked = await req.scope.resolve<StaffGuardService>(STAFF_GUARD_MODULE).unlockAccount(email);
  await recordAudit(req, { action: "auth.account_unlocked", entity: "staff", entity_id: null, metadata: { email, had_failures: unlocked } });
  res.json({ unlocked });
});
