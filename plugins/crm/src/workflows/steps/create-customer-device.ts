import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { NewDevice } from "../../domain/customer-state";
import { CRM_MODULE, type CrmModuleService } from "../../modules/crm";

async function deviceHasJobs(container: MedusaContainer, deviceId: string): Promise<boolean> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "device",
    fields: ["id", "repair_jobs.id"],
    filters: { id: deviceId },
  });
  const [device] = data as Array<{ repair_jobs?: unknown[] | null }>;
  return (device?.repair_jobs ?? []).some(Boolean);
}

/** The compensation: the device goes again, unless a concurrent intake has picked it up meanwhile. */
export async function deleteCreatedDevice(container: MedusaContainer, deviceId: string): Promise<void> {
  if (!(await deviceHasJobs(container, deviceId))) await container.resolve<CrmModuleService>(CRM_MODULE).deleteDevices(deviceId);
}

/** Creates a device (link it to its owner with the customer ↔ device link step). */
export const createCustomerDeviceStep = createStep(
  "create-crm-customer-device",
  async (input: NewDevice, { container }) => {
    const device = await container.resolve<CrmModuleService>(CRM_MODULE).createDevices(input);
    return new StepResponse({ id: device.id }, device.id);
  },
  async (deviceId: string | undefined, { container }) => {
    if (deviceId) await deleteCreatedDevice(container, deviceId);
  },
);
