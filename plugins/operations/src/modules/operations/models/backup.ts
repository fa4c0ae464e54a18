import { model } from "@medusajs/framework/utils";

/**
 * The backup catalog: one row per backup file (`<id>.vsbk`), mirroring what storage holds (the worker reports each
 * backup and syncs the whole list). `start_due` / `verify_due` are the outbox of a requested start (Temporal).
 */
export const OperationsBackup = model
  .define("operations_backup", {
    id: model.text().primaryKey(),
    kind: model.enum(["daily", "weekly", "manual", "pre_restore"]),
    status: model.enum(["running", "completed", "failed", "deleted"]).default("running"),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    // Stored as bigint (a backup may pass 2 GB); read by SQL.
    bytes: model.float().nullable(),
    sha256: model.text().nullable(),
    key_id: model.text().nullable(),
    app_version: model.text().nullable(),
    table_count: model.number().nullable(),
    row_count: model.float().nullable(),
    upload_count: model.number().nullable(),
    local: model.boolean().default(false),
    external: model.boolean().default(false),
    external_copied_at: model.dateTime().nullable(),
    verification: model.enum(["unverified", "verified", "failed"]).default("unverified"),
    verified_at: model.dateTime().nullable(),
    error: model.text().nullable(),
    requested_by: model.text().nullable(),
    start_due: model.boolean().default(false),
    verify_requests: model.number().default(0),
    verify_due: model.number().nullable(),
  })
  .indexes([{ on: ["started_at"] }]);
