import { model } from "@medusajs/framework/utils";

/**
 * One delivery booked against a purchase order: what arrived (`lines`: line id and quantity), who
 * received it, and the request's optional idempotency key (unique) with its hash, so a retried
 * receipt is answered from here instead of receiving twice.
 */
export const PurchaseOrderReceipt = model
  .define("purchase_order_receipt", {
    id: model.id({ prefix: "porc" }).primaryKey(),
    purchase_order_id: model.text(),
    idempotency_key: model.text().nullable(),
    request_hash: model.text(),
    lines: model.json(),
    note: model.text().nullable(),
    received_by: model.text(),
  })
  .indexes([
    { on: ["purchase_order_id"] },
    { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL AND deleted_at IS NULL" },
  ]);
