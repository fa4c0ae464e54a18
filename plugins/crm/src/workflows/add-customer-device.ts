import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { LIVE_EVENTS, normaliseImeiSerial, type DeviceType } from "@voltura/domain";
import { customerLockKey } from "../domain/customer-state";
import { createCustomerDeviceStep } from "./steps/create-customer-device";
import { linkCustomerDeviceStep } from "./steps/link-customer-records";
import { loadCustomerCrmStateStep } from "./steps/load-customer-crm-state";
import { refuseDuplicateDeviceStep } from "./steps/refuse-duplicate-device";

export interface AddCustomerDeviceInput {
  customer_id: string;
  device_type: DeviceType;
  brand: string;
  model: string;
  imei_serial?: string | null;
  colour?: string | null;
}

/**
 * Records a device a customer owns, outside intake (intake records them through the repairJobCreated hook),
 * under the customer's lock; an IMEI / serial they already have is refused (409).
 */
export const addCustomerDeviceWorkflow = createWorkflow("add-crm-customer-device", (input: AddCustomerDeviceInput) => {
  const lockKey = transform({ input }, ({ input }) => customerLockKey(input.customer_id));
  acquireLockStep({ key: lockKey, timeout: 15, ttl: 60 });
  const state = loadCustomerCrmStateStep(input.customer_id);
  refuseDuplicateDeviceStep(transform({ input, state }, ({ input, state }) => ({ devices: state.devices, imei_serial: input.imei_serial })));
  const device = createCustomerDeviceStep(transform({ input }, ({ input }) => ({
    device_type: input.device_type,
    brand: input.brand,
    model: input.model,
    imei_serial: normaliseImeiSerial(input.imei_serial),
    colour: input.colour ?? null,
  })));
  linkCustomerDeviceStep(transform({ input, device }, ({ input, device }) => ({ customer_id: input.customer_id, device_id: device.id })));
  releaseLockStep({ key: lockKey });
  emitEventStep({ eventName: LIVE_EVENTS.customerUpdated, data: transform({ input }, ({ input }) => ({ id: input.customer_id })) });
  return new WorkflowResponse(device);
});
