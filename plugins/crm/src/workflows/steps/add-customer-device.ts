import { MedusaError } from "@medusajs/framework/utils";
import { normaliseImeiSerial, type DeviceType } from "@voltura/domain";
import { loadCustomerCrmState, withCustomerLock, type DeviceRow } from "../customer-state";
import { journaledStep } from "../journaled-step";

export interface AddCustomerDeviceInput {
  customer_id: string;
  device_type: DeviceType;
  brand: string;
  model: string;
  imei_serial?: string | null;
  colour?: string | null;
}

/** The customer's device with this IMEI / serial, if they have one. */
export function deviceWithImei(devices: readonly DeviceRow[], imei: string | null | undefined): DeviceRow | null {
  const wanted = normaliseImeiSerial(imei);
  return wanted ? (devices.find((d) => normaliseImeiSerial(d.imei_serial) === wanted) ?? null) : null;
}

/** Records a device the customer owns; an IMEI / serial they already have is refused (409). */
export const addCustomerDeviceStep = journaledStep("add-crm-customer-device", (input: AddCustomerDeviceInput, journal) =>
  withCustomerLock(journal.container, input.customer_id, async () => {
    const state = await loadCustomerCrmState(journal.container, input.customer_id);
    const twin = deviceWithImei(state.devices, input.imei_serial);
    if (twin) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `This customer already has a device with IMEI / serial ${twin.imei_serial} (${twin.brand} ${twin.model}, ${twin.id})`);
    }
    const device = await journal.createDevice(input.customer_id, {
      device_type: input.device_type,
      brand: input.brand,
      model: input.model,
      imei_serial: normaliseImeiSerial(input.imei_serial),
      colour: input.colour ?? null,
    });
    return { id: device.id };
  }),
);
