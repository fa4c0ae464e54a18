import { defineLink } from "@medusajs/framework/utils";
import RepairBillingModule from "../modules/repair-billing/index";
import RepairModule from "../modules/repair/index";

/**
 * Read-only: a billing line's job (repair_line.repair_job) through repair_line.repair_job_id.
 * (Only one inverse read-only link from repair_job into this module is defined — repair_invoice —
 * because Medusa's joiner mixes up two inverse links into the same module.)
 */
export default defineLink(
  { linkable: RepairBillingModule.linkable.repairLine, field: "repair_job_id" },
  RepairModule.linkable.repairJob,
  { readOnly: true },
);
