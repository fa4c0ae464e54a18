import { model } from "@medusajs/framework/utils";

/**
 * A restore (or restore as a copy). Commerce creates it pending with `start_due` (its Temporal start is still due);
 * the worker moves it through its steps by SQL and appends to `log` (the console polls it).
 */
export const OperationsRestoreRun = model
  .define("operations_restore_run", {
    id: model.id({ prefix: "rr" }).primaryKey(),
    backup_id: model.text(),
    mode: model.enum(["restore", "copy"]),
    status: model.enum(["pending", "running", "completed", "failed", "rolled_back"]).default("pending"),
    step: model.text().nullable(),
    target_database: model.text().nullable(),
    previous_database: model.text().nullable(),
    requested_by: model.text().nullable(),
    log: model.json(),
    error: model.text().nullable(),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    start_due: model.boolean().default(false),
  })
  .indexes([{ on: ["backup_id"] }]);
