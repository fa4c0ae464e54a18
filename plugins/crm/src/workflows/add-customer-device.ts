import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { addCustomerDeviceStep, type AddCustomerDeviceInput } from "./steps/add-customer-device";

/** Records a device a customer owns, outside intake (intake records them through the repairJobCreated hook). */
export const addCustomerDeviceWorkflow = createWorkflow("add-crm-customer-device", (input: AddCustomerDeviceInput) => {
  return new WorkflowResponse(addCustomerDeviceStep(input));
});
export type { AddCustomerDeviceInput };
