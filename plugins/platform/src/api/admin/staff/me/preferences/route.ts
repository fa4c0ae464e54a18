import { MedusaError, Modules } from "@medusajs/framework/utils";
import { ALL_STAFF } from "@voltura/domain";
import { ownPreferencesBodySchema, type OwnPreferencesBody } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { updateStaffMemberWorkflow } from "../../../../../workflows/update-staff-member";
import { toStaffMember } from "../../../../../domain/staff-shape";

/**
 * A staff member saves their own console language (`metadata.locale`, "en" | "ms"); the console
 * reads it back at sign-in. 400 naming `locale` for anything else.
 */
export const POST = staffRoute<OwnPreferencesBody>(ALL_STAFF, async (req, res) => {
  const body = parseOrThrow(ownPreferencesBodySchema, req.body);
  const user = await req.scope.resolve(Modules.USER).retrieveUser(req.actor.id).catch(() => null);
  if (!user) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Staff member not found");
  const { result } = await updateStaffMemberWorkflow(req.scope).run({ input: { id: user.id, locale: body.locale } });
  const staff = toStaffMember(result);
  res.json({ staff: { id: staff.id, email: staff.email, name: staff.name, role: staff.role, locale: staff.locale } });
});
