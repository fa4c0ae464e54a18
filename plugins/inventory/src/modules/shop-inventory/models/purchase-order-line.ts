import { model } from "@medusajs/framework/utils";
import { PurchaseOrder } from "./purchase-order";

/** What a purchase order asks for and how much of it has arrived. Unit cost in sen. */
export const PurchaseOrderLine = model.define("purchase_order_line", {
  id: model.id({ prefix: "pol" }).primaryKey(),
  inventory_item_id: model.text(),
  title: model.text(),
  sku: model.text().nullable(),
  quantity_ordered: model.number(),
  quantity_received: model.number().default(0),
  unit_cost_sen: model.number(),
  purchase_order: model.belongsTo(() => PurchaseOrder, { mappedBy: "lines" }),
});
