import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { ALL_STAFF, phonePrefixFromPartial, tryNormalisePhone, type CustomerType } from "@voltura/domain";
import { lookupCrmCustomersQuerySchema, type CrmLookup } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
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

/** Intake typeahead: the customer with exactly this number first, then numbers that start with what was typed. */
export const GET = staffRoute(ALL_STAFF, async (req, res) => {
  const { phone } = parseOrThrow(lookupCrmCustomersQuerySchema, req.query);
  const e164 = tryNormalisePhone(phone);
  const prefix = phonePrefixFromPartial(phone) ?? e164;
  if (!prefix) {
    res.json({ customers: [] } satisfies CrmLookup);
    return;
  }
  const customers = req.scope.resolve(Modules.CUSTOMER);
  const select = ["id", "first_name", "last_name", "email", "phone"];
  const exact = e164 ? await customers.listCustomers({ phone: e164 } as never, { select, take: LOOKUP_LIMIT, order: { created_at: "ASC" } }) : [];
  const starts = await customers.listCustomers({ phone: { $like: `${prefix}%` } } as never, { select, take: LOOKUP_LIMIT * 2, order: { phone: "ASC", created_at: "ASC" } });
  const exactIds = new Set(exact.map((c) => c.id));
  const found = [
    ...exact.map((c) => ({ c, match: "exact" as const })),
    ...starts.filter((c) => !exactIds.has(c.id)).map((c) => ({ c, match: "prefix" as const })),
  ].slice(0, LOOKUP_LIMIT);
  const types = await customerTypes(req.scope, found.map((f) => f.c.id));
  res.json({
    customers: found.map(({ c, match }) => ({ id: c.id, name: customerName(c), phone: c.phone ?? null, customer_type: types.get(c.id) ?? "walk_in", match })),
  } satisfies CrmLookup);
});
