import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { ALL_STAFF, phonePrefixFromPartial, tryNormalisePhone, type CustomerType } from "@voltura/domain";
import { lookupCrmCustomersQuerySchema, type CrmLookup } from "@voltura/medusa-client";
import { parseOrThrow, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { searchCustomers } from "@voltura/plugin-platform/search/service";
import { customerName } from "../../../../../workflows/customer-state";

export const LOOKUP_LIMIT = 8;

async function customerTypes(scope: MedusaContainer, ids: string[]): Promise<Map<string, CustomerType>> {
  if (!ids.length) return new Map();
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["id", "customer_profile.customer_type"],
    filters: { id: ids },
  });
  return new Map(
    (data as Array<{ id: string; customer_profile?: { customer_type: CustomerType } | null }>).map((r) => [r.id, r.customer_profile?.customer_type ?? "walk_in"]),
  );
}

/**
 * Intake typeahead: the customer with exactly this number first, then numbers that start with what
 * was typed, in number order (the search service's customer query on the phone-digits index).
 */
export const GET = staffRoute(ALL_STAFF, async (req, res) => {
  const { phone } = parseOrThrow(lookupCrmCustomersQuerySchema, req.query);
  if (!tryNormalisePhone(phone) && !phonePrefixFromPartial(phone)) {
    res.json({ customers: [] } satisfies CrmLookup);
    return;
  }
  const { rows: found } = await searchCustomers(sqlConnection(req.scope), {
    q: phone, order: "phone", limit: LOOKUP_LIMIT, offset: 0, phoneContains: false, window: LOOKUP_LIMIT * 2,
  });
  const types = await customerTypes(req.scope, found.map((c) => c.id));
  res.json({
    customers: found.map((c) => ({
      id: c.id, name: customerName(c), phone: c.phone ?? null, customer_type: types.get(c.id) ?? "walk_in", match: Number(c.tier) === 0 ? "exact" : "prefix",
    })),
  } satisfies CrmLookup);
});
