import type { MedusaContainer } from "@medusajs/framework/types";
import { ALL_STAFF, phonePrefixFromPartial, tryNormalisePhone, type CustomerType } from "@voltura/domain";
import { lookupCrmCustomersQuerySchema, type CrmLookup } from "@voltura/contracts";
import { parseOrThrow, rows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { searchCustomers } from "@voltura/plugin-platform/modules/search/search";
import { customerName } from "../../../../../domain/customer-state";

export const LOOKUP_LIMIT = 8;

/** Each customer's CRM type, in one statement over the profile link (walk_in without a profile). */
async function customerTypes(scope: MedusaContainer, ids: string[]): Promise<Map<string, CustomerType>> {
  if (!ids.length) return new Map();
  const found = await rows(
    sqlConnection(scope),
    `SELECT cl.customer_id, p.customer_type FROM customer_customer_crm_customer_profile cl
       JOIN customer_profile p ON p.id = cl.customer_profile_id AND p.deleted_at IS NULL
      WHERE cl.customer_id = ANY(?) AND cl.deleted_at IS NULL`,
    [ids],
  );
  return new Map(found.map((r) => [String(r.customer_id), r.customer_type as CustomerType]));
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
