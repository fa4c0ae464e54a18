import { Modules } from "@medusajs/framework/utils";
import { ALL_STAFF } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";

/**
 * The demo seed's staff accounts (metadata.demo) that are still active. While there is one, the
 * console warns every signed-in staff member: their passwords are published.
 */
export const GET = staffRoute(ALL_STAFF, async (req, res) => {
  const users = await req.scope.resolve(Modules.USER).listUsers({}, { select: ["id", "email", "metadata"] });
  const accounts = users
    .filter((u) => u.metadata?.demo === true && u.metadata?.active !== false)
    .map((u) => ({ id: u.id, email: u.email, role: String(u.metadata?.role ?? "") }));
  res.json({ active: accounts.length > 0, accounts });
});
