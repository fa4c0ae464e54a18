import { model } from "@medusajs/framework/utils";

/** One restore test (the weekly proof, or one an owner asked for): its result as the worker reported it. */
export const OperationsRestoreTest = model
  .define("operations_restore_test", {
    id: model.id({ prefix: "rtest" }).primaryKey(),
    backup_id: model.text(),
    idempotency_key: model.text(),
    ok: model.boolean(),
    started_at: model.dateTime(),
    finished_at: model.dateTime(),
    result: model.json(),
  })
  .indexes([{ on: ["idempotency_key"], unique: true }, { on: ["backup_id"] }]);
