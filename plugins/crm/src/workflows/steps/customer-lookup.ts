import type { CustomerDTO, FilterableCustomerProps, MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { escapeLike, phoneKey } from "@voltura/domain";

/**
 * The oldest customer other than `exceptId` whose phone is `e164` once normalised — legacy rows
 * hold "012-345 6789" and the like, so candidates are fetched by their last digits in order
 * (separators allowed in between) and then compared normalised.
 */
export async function findCustomerByNormalisedPhone(container: MedusaContainer, e164: string, exceptId?: string): Promise<CustomerDTO | null> {
  const customers = container.resolve(Modules.CUSTOMER);
  const lastDigits = e164.replace(/\D/g, "").slice(-6);
  const pattern = `%${lastDigits.split("").join("%")}%`;
  const candidates = await customers.listCustomers(
    // Medusa's customer filter type has no `phone`, though the customer module filters by it.
    { $or: [{ phone: e164 }, { phone: { $like: pattern } }] } as unknown as FilterableCustomerProps,
    { order: { created_at: "ASC" }, take: 1000 },
  );
  return candidates.find((c) => c.id !== exceptId && !!c.phone && phoneKey(c.phone) === e164) ?? null;
}

/** The customer other than `exceptId` that has this email (case-insensitive), if any. */
export async function findCustomerByEmail(container: MedusaContainer, email: string, exceptId?: string): Promise<CustomerDTO | null> {
  const customers = container.resolve(Modules.CUSTOMER);
  const found = await customers.listCustomers({ email: { $ilike: escapeLike(email) } }, { order: { created_at: "ASC" }, take: 5 });
  return found.find((c) => c.id !== exceptId) ?? null;
}
