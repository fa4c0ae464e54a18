import { model } from "@medusajs/framework/utils";
import { PAYMENT_METHODS } from "@voltura/domain";

/** A return against a sale: what came back (lines json), whether it was restocked, how it was refunded and by whom. */
export const PosReturn = model
  .define("pos_return", {
    id: model.id({ prefix: "pret" }).primaryKey(),
    sale_id: model.text(),
    idempotency_key: model.text().unique(),
    lines: model.json(),
    restock: model.boolean(),
    refund_method: model.enum([...PAYMENT_METHODS]),
    refund_sen: model.number(),
    paid_out_sen: model.number(),
    cash_rounding_sen: model.number(),
    reason: model.text().nullable(),
    shift_id: model.text().nullable(),
    created_by: model.text(),
    created_by_name: model.text(),
  })
  .indexes([{ on: ["sale_id"] }, { on: ["shift_id"] }]);
