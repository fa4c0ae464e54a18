import { model } from "@medusajs/framework/utils";
import { StockTake } from "./stock-take";

/** One item in a stock take: the snapshot on opening and what was counted (null = not yet). */
export const StockTakeLine = model.define("stock_take_line", {
  id: model.id({ prefix: "stkl" }).primaryKey(),
  inventory_item_id: model.text(),
  title: model.text(),
  sku: model.text().nullable(),
  barcode: model.text().nullable(),
  expected_quantity: model.number(),
  counted_quantity: model.number().nullable(),
  stock_take: model.belongsTo(() => StockTake, { mappedBy: "lines" }),
});
