import { emitEventStep, updateCustomersWorkflow } from "@medusajs/medusa/core-flows";
import { LIVE_EVENTS } from "@voltura/domain";
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { CustomerType } from "@voltura/domain";
import { splitName } from "./create-crm-customer";
import { assertCustomerAvailableStep } from "./steps/assert-customer-available";
import { saveCustomerProfileWorkflow } from "./save-customer-profile";

export interface UpdateCrmCustomerInput {
  id: string;
  name?: string;
  /** null clears the email. */
  email?: string | null;
  customer_type?: CustomerType;
  tags?: string[];
}

/** Changes a customer's name and email (Medusa's customer) and type and tags (the CRM profile). */
export const updateCrmCustomerWorkflow = createWorkflow("update-crm-customer", (input: UpdateCrmCustomerInput) => {
  when("crm-email-changes", { input }, ({ input }) => !!input.email).then(() => {
    assertCustomerAvailableStep(transform({ input }, ({ input }) => ({ email: input.email, except_id: input.id })));
  });
  when("crm-customer-record-changes", { input }, ({ input }) => input.name !== undefined || input.email !== undefined).then(() => {
    updateCustomersWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        selector: { id: input.id },
        update: { ...(input.name !== undefined ? splitName(input.name) : {}), ...(input.email !== undefined ? { email: input.email } : {}) },
      })),
    });
  });
  when("crm-profile-changes", { input }, ({ input }) => input.customer_type !== undefined || input.tags !== undefined).then(() => {
    saveCustomerProfileWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ customer_id: input.id, customer_type: input.customer_type, tags: input.tags })),
    });
  });
  emitEventStep({ eventName: LIVE_EVENTS.customerUpdated, data: transform({ input }, ({ input }) => ({ id: input.id })) });
  return new WorkflowResponse({ id: input.id });
});
