import { model } from "@medusajs/framework/utils";

/** The last job number handed out per series (e.g. "VSH-2026"), bumped atomically. */
export const RepairJobSequence = model.define("repair_job_sequence", {
  id: model.text().primaryKey(),
  last_value: model.number(),
});
