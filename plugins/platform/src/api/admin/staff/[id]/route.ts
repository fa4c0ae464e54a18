import { MedusaError, Modules } from "@medusajs/framework/utils";
import { checkStaffChange, diffFields, MANAGERS } from "@voltura/domain";
import { invalidateStaffState, parseOrThrow, recordAudit, staffRoute } from "@voltura/medusa-kit";
import { updateStaffMemberWorkflow } from "../../../../workflows/update-staff-member";
import { toStaffMember, type StaffMember } from "../../../../domain/staff-shape";
import { updateStaffBodySchema, type UpdateStaffBody } from "../validators";

export const GET = staffRoute(MANAGERS, async (req, res) => {
  const user = await req.scope.resolve(Modules.USER).retrieveUser(req.params.id!).catch(() => null);
  if (!user) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Staff member ${req.params.id} not found`);
  res.json({ staff: toStaffMember(user) });
});

/** The audit action that names a change best; the row carries every changed field. */
function staffChangeAction(before: StaffMember, after: StaffMember): string {
  if (before.active && !after.active) return "staff.deactivated";
  if (before.role !== after.role) return "staff.role_changed";
  if (!before.active && after.active) return "staff.reactivated";
  return "staff.updated";
}

/** Only an owner renames, re-roles, deactivates or reactivates staff; never themselves (role, active). */
export const POST = staffRoute<UpdateStaffBody>(["owner"], async (req, res) => {
  const body = parseOrThrow(updateStaffBodySchema, req.body);
  const user = await req.scope.resolve(Modules.USER).retrieveUser(req.params.id!).catch(() => null);
  if (!user) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Staff member ${req.params.id} not found`);
  const before = toStaffMember(user);
  const check = checkStaffChange({
    actorRole: req.actor.role,
    actorId: req.actor.id,
    targetId: before.id,
    targetRole: before.role,
    newRole: body.role,
    deactivate: body.active === false,
  });
  if (!check.ok) throw new MedusaError(MedusaError.Types.FORBIDDEN, check.reason);
  const { result } = await updateStaffMemberWorkflow(req.scope).run({ input: { id: before.id, ...body } });
  // The workflow forgets the cached state too; this covers a workflow engine running elsewhere.
  invalidateStaffState(before.id);
  const after = toStaffMember(result);
  await recordAudit(req, {
    action: staffChangeAction(before, after),
    entity: "staff",
    entity_id: after.id,
    changes: diffFields({ ...before }, { ...after }, ["name", "role", "active"]),
    metadata: { email: after.email },
  });
  res.json({ staff: after });
});
