import { defineLink } from "@medusajs/framework/utils";
import RepairBillingModule from "../modules/repair-billing/index";
import RepairModule from "../modules/repair/index";

/** Read-only: a job's invoice (repair_job.repair_invoice) through repair_invoice.repair_job_id. */
export default defineLink(
  { linkable: RepairModule.linkable.repairJob, field: "id" },
  { ...RepairBillingModule.linkable.repairInvoice.id, primaryKey: "repair_job_id" },
  { readOnly: true },
);
