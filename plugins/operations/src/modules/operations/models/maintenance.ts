import { model } from "@medusajs/framework/utils";

/** Maintenance mode: one row, id "shop". While `on`, writes are refused (503 maintenance_mode). */
export const OperationsMaintenance = model.define("operations_maintenance", {
  id: model.text().primaryKey(),
  on: model.boolean().default(false),
  reason: model.text().nullable(),
  restore_run_id: model.text().nullable(),
  since: model.dateTime().nullable(),
  by: model.text().nullable(),
  /** True in a database restored as a copy: its outbound messages and schedules are switched off. */
  neutralised: model.boolean().default(false),
});
