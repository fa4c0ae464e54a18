import type { CustomerDTO } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";

/** The customer whose phone (E.164) matches, oldest first, or null. */
export const findCustomerByPhoneStep = createStep("find-customer-by-phone", async (phone: string, { container }) => {
  const customers = container.resolve(Modules.CUSTOMER);
  const [found] = await customers.listCustomers({ phone } as Parameters<typeof customers.listCustomers>[0], { take: 1, order: { created_at: "ASC" } });
  return new StepResponse<CustomerDTO | null>(found ?? null);
});
