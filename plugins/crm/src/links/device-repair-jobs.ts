import type { LinkDefinition } from "@medusajs/framework/types";
import { defineLink } from "@medusajs/framework/utils";
import RepairModule, { REPAIR_MODULE } from "@voltura/plugin-repair/modules/repair";
import CrmModule, { CRM_MODULE } from "../modules/crm/index";

/** A device has many repair jobs; intake links each job to the device it is about (workflows/hooks). */
export default defineLink(CrmModule.linkable.device, { linkable: RepairModule.linkable.repairJob, isList: true });

/** The link row, as Medusa's Link service wants it. */
export const deviceJobLink = (deviceId: string, jobId: string): LinkDefinition => ({
  [CRM_MODULE]: { device_id: deviceId },
  [REPAIR_MODULE]: { repair_job_id: jobId },
});
