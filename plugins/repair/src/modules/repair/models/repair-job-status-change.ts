import { model } from "@medusajs/framework/utils";
import { REPAIR_STATUSES } from "@voltura/domain";
import { RepairJob } from "./repair-job";

/** One line of a job's status history: who moved it, when, from what to what, and why. */
export const RepairJobStatusChange = model.define("repair_job_status_change", {
  id: model.id({ prefix: "rjsc" }).primaryKey(),
  from_status: model.enum([...REPAIR_STATUSES]).nullable(),
  to_status: model.enum([...REPAIR_STATUSES]),
  note: model.text().nullable(),
  changed_by: model.text(),
  changed_at: model.dateTime(),
  repair_job: model.belongsTo(() => RepairJob, { mappedBy: "status_changes" }),
});
