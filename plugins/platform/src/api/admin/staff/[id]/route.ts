import { MedusaError, Modules } from "@medusajs/framework/utils";
import { checkStaffChange, MANAGERS } from "@voltura/domain";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { updateStaffMemberWorkflow } from "../../../../workflows/update-staff-member";
import { toStaffMember } from "../../../../workflows/staff-shape";
import { updateStaffBodySchema, type UpdateStaffBody } from "../validators";

export const GET = staffRoute(MANAGERS, async (req, res) => {
  const user = await req.scope.resolve(Modules.USER).retrieveUser(req.params.id!).catch(() => null);
  if (!user) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Staff member ${req.params.id} not found`);
  res.json({ staff: toStaffMember(user) });
});

export const POST = staffRoute<UpdateStaffBody>(MANAGERS, async (req, res) => {
  const body = parseOrThrow(updateStaffBodySchema, req.body);
  const user = await req.scope.resolve(Modules.USER).retrieveUser(req.params.id!).catch(() => null);
  if (!user) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Staff member ${req.params.id} not found`);
  const current = toStaffMember(user);
  const check = checkStaffChange({
    actorRole: req.actor.role,
    actorId: req.actor.id,
    targetId: current.id,
    targetRole: current.role,
    newRole: body.role,
    deactivate: body.active === false,
  });
  if (!check.ok) throw new MedusaError(MedusaError.Types.FORBIDDEN, check.reason);
  const { result } = await updateStaffMemberWorkflow(req.scope).run({ input: { id: current.id, ...body } });
  res.json({ staff: toStaffMember(result) });
});
