import { MedusaError, Modules } from "@medusajs/framework/utils";
import { ALL_STAFF } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { toStaffMember } from "../../../../domain/staff-shape";

export const GET = staffRoute(ALL_STAFF, async (req, res) => {
  const users = req.scope.resolve(Modules.USER);
  const user = await users.retrieveUser(req.actor.id).catch(() => null);
  if (!user) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Staff member not found");
  res.json({ staff: toStaffMember(user) });
});
