import { model } from "@medusajs/framework/utils";

/** The shop's backup settings: one row, id "shop". The external target's keys live in the vault, not here. */
export const OperationsSettings = model.define("operations_settings", {
  id: model.text().primaryKey(),
  backup_hour: model.number().default(3),
  daily_retention_days: model.number().default(30),
  external_retention_weeks: model.number().default(12),
  restore_test_weekday: model.number().default(0),
  external_endpoint: model.text().nullable(),
  external_region: model.text().nullable(),
  external_bucket: model.text().nullable(),
  external_prefix: model.text().nullable(),
  external_force_path_style: model.boolean().default(true),
  updated_by: model.text().nullable(),
});
