import { model } from "@medusajs/framework/utils";

/**
 * One archive run: rows of closed jobs, sales, messages and conversations moved to the `archive`
 * schema, in batches (one transaction each, which also adds its counts here). A run with the same
 * idempotency key continues until nothing old is left, then answers its stored result.
 */
export const ArchiveRun = model
  .define("archive_run", {
    id: model.id({ prefix: "arun" }).primaryKey(),
    idempotency_key: model.text(),
    status: model.enum(["running", "completed", "failed"]).default("running"),
    cutoff: model.dateTime(),
    counts: model.json().default({}),
    batches: model.number().default(0),
    requested_by: model.text().nullable(),
    started_at: model.dateTime(),
    finished_at: model.dateTime().nullable(),
    error: model.text().nullable(),
  })
  .indexes([{ on: ["idempotency_key"], unique: true }, { on: ["started_at"] }]);
