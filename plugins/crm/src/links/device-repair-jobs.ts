import { defineLink } from "@medusajs/framework/utils";
import RepairModule from "@voltura/plugin-repair/modules/repair";
import CrmModule from "../modules/crm/index";

/** A device has many repair jobs; intake links each job to the device it is about (workflows/hooks). */
export default defineLink(CrmModule.linkable.device, { linkable: RepairModule.linkable.repairJob, isList: true });
