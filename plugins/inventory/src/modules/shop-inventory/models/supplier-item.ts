import { model } from "@medusajs/framework/utils";
import { Supplier } from "./supplier";

/** An inventory item a supplier provides, at a cost (sen) and lead time. */
export const SupplierItem = model
  .define("supplier_item", {
    id: model.id({ prefix: "supi" }).primaryKey(),
    inventory_item_id: model.text(),
    supplier_sku: model.text().nullable(),
    cost_sen: model.number(),
    lead_time_days: model.number().default(0),
    supplier: model.belongsTo(() => Supplier, { mappedBy: "items" }),
  })
  .indexes([{ on: ["supplier_id", "inventory_item_id"], unique: true, where: "deleted_at IS NULL" }, { on: ["inventory_item_id"] }]);
