import { emitEventStep } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { LIVE_EVENTS } from "@voltura/domain";
import { addCustomerDeviceStep, type AddCustomerDeviceInput } from "./steps/add-customer-device";

/** Records a device a customer owns, outside intake (intake records them through the repairJobCreated hook). */
export const addCustomerDeviceWorkflow = createWorkflow("add-crm-customer-device", (input: AddCustomerDeviceInput) => {
  const added = addCustomerDeviceStep(input);
  emitEventStep({ eventName: LIVE_EVENTS.customerUpdated, data: transform({ input }, ({ input }) => ({ id: input.customer_id })) });
  return new WorkflowResponse(added);
});
export type { AddCustomerDeviceInput };
