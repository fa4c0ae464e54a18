import { model } from "@medusajs/framework/utils";
import { REPAIR_JOB_EVENT_KINDS } from "@voltura/domain";
import { RepairJob } from "./repair-job";

/**
 * One line of a job's timeline besides status changes: an assignment, a priority / ETA change, a
 * diagnosis, a note. `detail` holds what changed, e.g. { from: "normal", to: "urgent" }.
 */
export const RepairJobEvent = model.define("repair_job_event", {
  id: model.id({ prefix: "rjev" }).primaryKey(),
  kind: model.enum([...REPAIR_JOB_EVENT_KINDS]),
  detail: model.json(),
  actor: model.text(),
  actor_id: model.text().nullable(),
  at: model.dateTime(),
  repair_job: model.belongsTo(() => RepairJob, { mappedBy: "events" }),
});
