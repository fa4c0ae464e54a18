import { model } from "@medusajs/framework/utils";

/** A till shift: opening float, closing count, and the variance against the expected drawer. One open shift per register. */
export const PosShift = model
  .define("pos_shift", {
    id: model.id({ prefix: "pshift" }).primaryKey(),
    register_id: model.text(),
    status: model.enum(["open", "closed"]).default("open"),
    opened_by: model.text(),
    opened_by_name: model.text(),
    opened_at: model.dateTime(),
    opening_float_sen: model.number(),
    closed_by: model.text().nullable(),
    closed_by_name: model.text().nullable(),
    closed_at: model.dateTime().nullable(),
    cash_sales_sen: model.number().nullable(),
    cash_refunds_sen: model.number().nullable(),
    expected_cash_sen: model.number().nullable(),
    counted_cash_sen: model.number().nullable(),
    variance_sen: model.number().nullable(),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["register_id"], unique: true, where: "status = 'open'" }, { on: ["opened_at"] }]);
