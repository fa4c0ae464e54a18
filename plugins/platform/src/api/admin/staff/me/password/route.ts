import { MedusaError, Modules } from "@medusajs/framework/utils";
import { ALL_STAFF, passwordProblems } from "@voltura/domain";
import { changeOwnPasswordBodySchema, type ChangeOwnPasswordBody } from "@voltura/contracts";
import { clientIpOf, parseOrThrow, recordAudit, staffRoute } from "@voltura/medusa-kit";
import { answerTooManyAttempts, answerWrongCredentials } from "../../answers";
import { checkStaffCredentials } from "../../../../../modules/staff-guard/check-credentials";
import { setStaffPasswordWorkflow } from "../../../../../workflows/set-staff-password";
import { toStaffMember } from "../../../../../domain/staff-shape";

/**
 * A staff member changes their own password: the current one is checked under the same limits as
 * a sign-in (401 when wrong, 429 when limited), the new one must meet the policy (400 naming
 * new_password). Clears the must-change flag an owner's reset set.
 */
export const POST = staffRoute<ChangeOwnPasswordBody>(ALL_STAFF, async (req, res) => {
  const body = parseOrThrow(changeOwnPasswordBodySchema, req.body);
  const user = await req.scope.resolve(Modules.USER).retrieveUser(req.actor.id).catch(() => null);
  if (!user) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Staff member not found");
  const member = toStaffMember(user);
  const problems = passwordProblems(body.new_password, { email: member.email, name: member.name });
  if (body.new_password === body.current_password) problems.push("must be different from the current password");
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${problems.map((p) => `new_password: ${p}`).join("; ")}`);
  }

  const ip = clientIpOf(req) ?? "unknown";
  const check = await checkStaffCredentials(req, { email: member.email, password: body.current_password, ip, purpose: "password_change", channel: "account" });
  if (!check.ok) {
    if (check.reason === "limited") return answerTooManyAttempts(res, check.retry_after_seconds);
    return answerWrongCredentials(res, "current_password: the current password is wrong");
  }

  const { result } = await setStaffPasswordWorkflow(req.scope).run({
    input: { user_id: user.id, email: member.email, password: body.new_password, must_change: false },
  });
  await recordAudit(req, {
    action: "auth.password_changed", entity: "staff", entity_id: user.id,
    metadata: { email: member.email, was_required: user.metadata?.must_change_password === true },
  });
  const staff = toStaffMember(result);
  res.json({ staff: { id: staff.id, email: staff.email, name: staff.name, role: staff.role } });
});
