import { model } from "@medusajs/framework/utils";
import { DEVICE_TYPES, PRIORITIES, REPAIR_STATUSES } from "@voltura/domain";
import { RepairJobStatusChange } from "./repair-job-status-change";

export const RepairJob = model
  .define("repair_job", {
    id: model.id({ prefix: "rjob" }).primaryKey(),
    job_number: model.text().unique(),
    status: model.enum([...REPAIR_STATUSES]).default("pending"),
    device_type: model.enum([...DEVICE_TYPES]),
    brand: model.text().searchable(),
    model: model.text().searchable(),
    issue: model.text(),
    priority: model.enum([...PRIORITIES]).default("normal"),
    // What the slip says at intake; the customer record itself is reached through the link.
    customer_name: model.text().searchable(),
    customer_phone: model.text(),
    workflow_id: model.text().nullable(),
    created_by: model.text(),
    status_changes: model.hasMany(() => RepairJobStatusChange, { mappedBy: "repair_job" }),
  })
  .indexes([{ on: ["status"] }, { on: ["customer_phone"] }]);
