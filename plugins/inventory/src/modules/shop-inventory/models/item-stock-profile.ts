import { model } from "@medusajs/framework/utils";

/** Per inventory item: the moving weighted average cost (sen) and the low-stock threshold. */
export const ItemStockProfile = model
  .define("item_stock_profile", {
    id: model.id({ prefix: "isp" }).primaryKey(),
    inventory_item_id: model.text().unique(),
    average_cost_sen: model.number().default(0),
    low_stock_threshold: model.number().nullable(),
  });
