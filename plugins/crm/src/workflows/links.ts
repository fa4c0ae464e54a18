import type { LinkDefinition } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { REPAIR_MODULE } from "@voltura/plugin-repair/modules/repair";
import { CRM_MODULE } from "../modules/crm/index";

/** The link rows this plugin writes, as Medusa's Link service wants them. */
export const customerProfileLink = (customerId: string, profileId: string): LinkDefinition => ({
  [Modules.CUSTOMER]: { customer_id: customerId },
  [CRM_MODULE]: { customer_profile_id: profileId },
});

export const customerDeviceLink = (customerId: string, deviceId: string): LinkDefinition => ({
  [Modules.CUSTOMER]: { customer_id: customerId },
  [CRM_MODULE]: { device_id: deviceId },
});

export const deviceJobLink = (deviceId: string, jobId: string): LinkDefinition => ({
  [CRM_MODULE]: { device_id: deviceId },
  [REPAIR_MODULE]: { repair_job_id: jobId },
});

/** The repair plugin's customer ↔ repair job link (a merge moves these). */
export const customerJobLink = (customerId: string, jobId: string): LinkDefinition => ({
  [Modules.CUSTOMER]: { customer_id: customerId },
  [REPAIR_MODULE]: { repair_job_id: jobId },
});
