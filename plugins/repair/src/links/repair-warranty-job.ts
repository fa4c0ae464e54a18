import { defineLink } from "@medusajs/framework/utils";
import RepairBillingModule from "../modules/repair-billing/index";
import RepairModule from "../modules/repair/index";

/** Read-only: the delivered job a warranty belongs to (repair_warranty.repair_job). */
export default defineLink(
  { linkable: RepairBillingModule.linkable.repairWarranty, field: "repair_job_id" },
  RepairModule.linkable.repairJob,
  { readOnly: true },
);
