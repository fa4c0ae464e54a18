import { model } from "@medusajs/framework/utils";

/** One weekly optimisation (VACUUM ANALYZE + REINDEX CONCURRENTLY over bloat) as the worker reported it. */
export const OperationsOptimisationRun = model
  .define("operations_optimisation_run", {
    id: model.id({ prefix: "oopt" }).primaryKey(),
    idempotency_key: model.text(),
    started_at: model.dateTime(),
    finished_at: model.dateTime(),
    ok: model.boolean(),
    result: model.json(),
  })
  .indexes([{ on: ["idempotency_key"], unique: true }]);
