import { model } from "@medusajs/framework/utils";

/** The last purchase order number per series ("PO-2026"), bumped atomically. */
export const PurchaseOrderSequence = model.define("purchase_order_sequence", {
  id: model.text().primaryKey(),
  last_value: model.number(),
});
