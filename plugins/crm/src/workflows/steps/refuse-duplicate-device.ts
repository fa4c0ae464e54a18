import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { deviceWithImei, type DeviceRow } from "../../domain/customer-state";

/** Refuses (409) a device whose IMEI / serial the customer already has. */
export const refuseDuplicateDeviceStep = createStep(
  "refuse-duplicate-crm-device",
  async (input: { devices: DeviceRow[]; imei_serial?: string | null }) => {
    const twin = deviceWithImei(input.devices, input.imei_serial);
    if (twin) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `This customer already has a device with IMEI / serial ${twin.imei_serial} (${twin.brand} ${twin.model}, ${twin.id})`);
    }
    return new StepResponse(true);
  },
);
