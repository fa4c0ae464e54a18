import type { CustomerDTO } from "@medusajs/framework/types";
import { acquireLockStep, createCustomersWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { CustomerType } from "@voltura/domain";
import { assertCustomerAvailableStep } from "./steps/assert-customer-available";
import { saveCustomerProfileWorkflow } from "./save-customer-profile";

export interface CreateCrmCustomerInput {
  name: string;
  /** E.164, normalised by the route. */
  phone: string;
  email?: string | null;
  customer_type: CustomerType;
  /** Normalised. */
  tags: string[];
}

export function splitName(name: string): { first_name: string; last_name: string | null } {
  const [first, ...rest] = name.trim().split(/\s+/);
  return { first_name: first ?? name, last_name: rest.join(" ") || null };
}

/** A new customer with its CRM profile. The phone is the natural key: one customer per number. */
export const createCrmCustomerWorkflow = createWorkflow("create-crm-customer", (input: CreateCrmCustomerInput) => {
  const lockKey = transform({ input }, ({ input }) => `crm:phone:${input.phone}`);
  acquireLockStep({ key: lockKey, timeout: 15, ttl: 60 });
  assertCustomerAvailableStep(transform({ input }, ({ input }) => ({ phone: input.phone, email: input.email ?? null })));
  const customers = createCustomersWorkflow.runAsStep({
    input: {
      customersData: transform({ input }, ({ input }) => [{ ...splitName(input.name), phone: input.phone, email: input.email ?? null }]),
    },
  });
  const customerId = transform({ customers }, ({ customers }) => (customers as CustomerDTO[])[0]!.id);
  saveCustomerProfileWorkflow.runAsStep({
    input: transform({ input, customerId }, ({ input, customerId }) => ({ customer_id: customerId, customer_type: input.customer_type, tags: input.tags })),
  });
  releaseLockStep({ key: lockKey });
  return new WorkflowResponse({ id: customerId });
});
