import { model } from "@medusajs/framework/utils";
import { STOCK_TAKE_STATUSES } from "../../../domain/stock-take";
import { StockTakeLine } from "./stock-take-line";

/** A counting session at one location: expected quantities are snapshotted when it opens. */
export const StockTake = model
  .define("stock_take", {
    id: model.id({ prefix: "stk" }).primaryKey(),
    location_id: model.text(),
    status: model.enum([...STOCK_TAKE_STATUSES]).default("open"),
    note: model.text().nullable(),
    created_by: model.text(),
    posted_by: model.text().nullable(),
    posted_at: model.dateTime().nullable(),
    lines: model.hasMany(() => StockTakeLine, { mappedBy: "stock_take" }),
  })
  .indexes([{ on: ["status"] }]);
