import { MANAGERS } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { displayPhone, formatShopDate } from "$lib/server/customers-view";
import { requireRole } from "$lib/server/guard";
import type { PageServerLoad } from "./$types";

/**
 * Customers that share a phone number once normalised (legacy data typed in different formats).
 * Each merge is reviewed and confirmed on the kept customer's page, which shows what moves.
 */
export const load: PageServerLoad = async ({ locals }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  try {
    const { groups } = await commerce.listCrmDuplicates();
    return {
      groups: groups.map((g) => ({
        phone: displayPhone(g.phone),
        customers: g.customers.map((c) => ({ id: c.id, name: c.name, storedPhone: c.phone ?? "—", since: formatShopDate(c.created_at) })),
      })),
      problem: null,
    };
  } catch (err) {
    return { groups: [], problem: commerceProblem(err).message };
  }
};
