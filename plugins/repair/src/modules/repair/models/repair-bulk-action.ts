import { model } from "@medusajs/framework/utils";

/**
 * One bulk action on jobs (POST /admin/repair-jobs/bulk), kept per idempotency key: a retry with
 * the same key and body answers these results, another body is refused.
 */
export const RepairBulkAction = model
  .define("repair_bulk_action", {
    id: model.id({ prefix: "rbulk" }).primaryKey(),
    idempotency_key: model.text(),
    request_hash: model.text(),
    action: model.text(),
    actor_id: model.text().nullable(),
    answer: model.json(),
  })
  .indexes([{ on: ["idempotency_key"], unique: true }]);
