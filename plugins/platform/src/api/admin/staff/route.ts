import { MedusaError, Modules } from "@medusajs/framework/utils";
import { checkStaffChange, diffFields, MANAGERS } from "@voltura/domain";
import { parseOrThrow, recordAudit, staffRoute } from "@voltura/medusa-kit";
import { createStaffMemberWorkflow } from "../../../workflows/create-staff-member";
import { toStaffMember } from "../../../domain/staff-shape";
import { createStaffBodySchema, listStaffQuerySchema, type CreateStaffBody } from "./validators";

/** Managers read the staff list; the console's `system` actor maps a sign-in email to a staff member. */
export const GET = staffRoute([...MANAGERS, "system"], async (req, res) => {
  const query = parseOrThrow(listStaffQuerySchema, req.query);
  const users = req.scope.resolve(Modules.USER);
  const [rows, count] = await users.listAndCountUsers(query.email ? { email: query.email } : {}, {
    take: query.limit,
    skip: query.offset,
    order: { email: "ASC" },
  });
  res.json({ staff: rows.map(toStaffMember).filter((s) => s.role !== null), count, limit: query.limit, offset: query.offset });
});

/** Only an owner creates staff accounts (a role is given only here and on the owner-only update). */
export const POST = staffRoute<CreateStaffBody>(["owner"], async (req, res) => {
  const body = parseOrThrow(createStaffBodySchema, req.body);
  const check = checkStaffChange({ actorRole: req.actor.role, actorId: req.actor.id, newRole: body.role });
  if (!check.ok) throw new MedusaError(MedusaError.Types.FORBIDDEN, check.reason);
  const { result } = await createStaffMemberWorkflow(req.scope).run({ input: body });
  const staff = toStaffMember(result);
  await recordAudit(req, {
    action: "staff.created",
    entity: "staff",
    entity_id: staff.id,
    changes: diffFields(null, { email: staff.email, name: staff.name, role: staff.role, active: staff.active }),
  });
  res.status(201).json({ staff });
});
