import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import type { AnyRole } from "@voltura/domain";
import { authHeaders, createStaffUser, type StaffHeaders } from "./helpers";

export type Headers = StaffHeaders;

/** Bearer headers for a fresh staff member of each role. */
export async function staffHeaders(container: MedusaContainer): Promise<Record<"owner" | "manager" | "cashier" | "technician", Headers>> {
  const roles: AnyRole[] = ["owner", "manager", "cashier", "technician"];
  const entries = await Promise.all(
    roles.map(async (role) => {
      const user = await createStaffUser(container, role, `${role}-${Math.random().toString(36).slice(2)}@crm.test`);
      return [role, await authHeaders(user.id, role)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<"owner" | "manager" | "cashier" | "technician", Headers>;
}

/** A Medusa order of the customer (ringgit amounts, as Medusa stores them). */
export async function createOrder(container: MedusaContainer, customerId: string, items: Array<{ title: string; quantity: number; unit_price: number }>) {
  const orders = container.resolve(Modules.ORDER);
  return orders.createOrders({ currency_code: "myr", customer_id: customerId, email: "buyer@crm.test", items } as never);
}

/** A customer row straight in the customer module, e.g. legacy data with an unnormalised phone. */
export async function createRawCustomer(container: MedusaContainer, data: { first_name: string; last_name?: string; phone: string }) {
  return container.resolve(Modules.CUSTOMER).createCustomers(data);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response rows are asserted field by field
export const ids = (rows: any[]) => rows.map((r: { id: string }) => r.id);
