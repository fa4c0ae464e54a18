import { MedusaError, Modules } from "@medusajs/framework/utils";
import { checkStaffChange, MANAGERS } from "@voltura/domain";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { createStaffMemberWorkflow } from "../../../workflows/create-staff-member";
import { toStaffMember } from "../../../workflows/staff-shape";
import { createStaffBodySchema, listStaffQuerySchema, type CreateStaffBody } from "./validators";

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

export const POST = staffRoute<CreateStaffBody>(MANAGERS, async (req, res) => {
  const body = parseOrThrow(createStaffBodySchema, req.body);
  const check = checkStaffChange({ actorRole: req.actor.role, actorId: req.actor.id, newRole: body.role });
  if (!check.ok) throw new MedusaError(MedusaError.Types.FORBIDDEN, check.reason);
  const { result } = await createStaffMemberWorkflow(req.scope).run({ input: body });
  res.status(201).json({ staff: toStaffMember(result) });
});
