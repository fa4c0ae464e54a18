import { Modules } from "@medusajs/framework/utils";
import { ALL_STAFF, groupByNormalisedPhone } from "@voltura/domain";
import type { CrmDuplicates } from "@voltura/contracts";
import { staffRoute } from "@voltura/medusa-kit";
import { customerName } from "../../../../domain/customer-state";
import { iso } from "../shapes";

/**
 * One-off report for legacy data: customers whose phones are the same number once normalised
 * ("012-345 6789" and "+60123456789"), to be merged with POST /admin/crm/customers/:id/merge.
 */
export const GET = staffRoute(ALL_STAFF, async (req, res) => {
  const customers = await req.scope.resolve(Modules.CUSTOMER).listCustomers(
    { phone: { $ne: null } } as never,
    { select: ["id", "first_name", "last_name", "email", "phone", "created_at"], take: null },
  );
  const groups = groupByNormalisedPhone(customers).map((g) => ({
    phone: g.phone,
    customers: g.customers.map((c) => ({ id: c.id, name: customerName(c), phone: c.phone ?? null, created_at: iso(c.created_at) })),
  }));
  res.json({ groups, count: groups.length } satisfies CrmDuplicates);
});
