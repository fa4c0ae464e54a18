import { model } from "@medusajs/framework/utils";

/**
 * One merge of a duplicate customer into a primary, written in the merge's own transaction: its
 * idempotency record (a retry with the key gets `result` again) and the audit of what moved.
 */
export const CustomerMerge = model
  .define("customer_merge", {
    id: model.id({ prefix: "cmerge" }).primaryKey(),
    idempotency_key: model.text(),
    request_hash: model.text(),
    primary_id: model.text(),
    duplicate_id: model.text(),
    merged_by: model.text(),
    result: model.json(),
  })
  .indexes([{ on: ["idempotency_key"], unique: true }, { on: ["primary_id"] }, { on: ["duplicate_id"] }]);
