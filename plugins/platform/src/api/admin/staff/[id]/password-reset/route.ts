import { MedusaError, Modules } from "@medusajs/framework/utils";
import { passwordProblems, staffRoleSchema } from "@voltura/domain";
import { passwordResetBodySchema, type PasswordResetBody } from "@voltura/contracts";
import { parseOrThrow, recordAudit, staffRoute } from "@voltura/medusa-kit";
import { STAFF_GUARD_MODULE } from "../../../../../modules/staff-guard";
import type StaffGuardService from "../../../../../modules/staff-guard/service";
import { generateTemporaryPassword } from "../../../../../domain/temporary-password";
import { setStaffPasswordWorkflow } from "../../../../../workflows/set-staff-password";
import { toStaffMember } from "../../../../../domain/staff-shape";

/**
 * An owner sets a temporary password for another staff member (typed, or made up here and shown
 * once). The staff member must choose their own at the next sign-in; any lock on the account is
 * lifted. Owners change their own password through /admin/staff/me/password instead.
 */
export const POST = staffRoute<PasswordResetBody>(["owner"], async (req, res) => {
  const body = parseOrThrow(passwordResetBodySchema, req.body ?? {});
  const user = await req.scope.resolve(Modules.USER).retrieveUser(req.params.id!).catch(() => null);
  const member = user ? toStaffMember(user) : null;
  if (!user || !member || !staffRoleSchema.safeParse(member.role).success) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Staff member ${req.params.id} not found`);
  }
  if (user.id === req.actor.id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Change your own password under Account → Password");
  }
  let temporary = body.temporary_password;
  if (temporary) {
    const problems = passwordProblems(temporary, { email: member.email, name: member.name });
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${problems.map((p) => `temporary_password: ${p}`).join("; ")}`);
    }
  }
  const generated = !temporary;
  temporary ??= generateTemporaryPassword();

  const { result } = await setStaffPasswordWorkflow(req.scope).run({
    input: { user_id: user.id, email: member.email, password: temporary, must_change: true },
  });
  await req.scope.resolve<StaffGuardService>(STAFF_GUARD_MODULE).unlockAccount(member.email);
  await recordAudit(req, {
    action: "staff.password_reset", entity: "staff", entity_id: user.id,
    metadata: { email: member.email, generated, must_change_password: true },
  });
  const staff = toStaffMember(result);
  res.json({
    staff: { id: staff.id, email: staff.email, name: staff.name, role: staff.role },
    temporary_password: generated ? temporary : null,
    must_change_password: true,
  });
});
