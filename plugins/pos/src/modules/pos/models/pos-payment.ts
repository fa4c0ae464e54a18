import { model } from "@medusajs/framework/utils";
import { PAYMENT_METHODS } from "@voltura/domain";

/**
 * Money taken for a sale, at checkout or later against the balance. amount_sen counts against the
 * bill (cash net of change); cash_rounding_sen is the 5-sen adjustment of the cash part.
 */
export const PosPayment = model
  .define("pos_payment", {
    id: model.id({ prefix: "ppay" }).primaryKey(),
    sale_id: model.text(),
    stage: model.enum(["checkout", "balance"]),
    method: model.enum([...PAYMENT_METHODS]),
    amount_sen: model.number(),
    tendered_sen: model.number(),
    change_sen: model.number().default(0),
    cash_rounding_sen: model.number().default(0),
    reference: model.text().nullable(),
    shift_id: model.text().nullable(),
    /** `<request key>:<n>` for a balance payment's n-th tender; the request's fingerprint on each. */
    idempotency_key: model.text().nullable(),
    request_hash: model.text().nullable(),
    received_by: model.text(),
    received_at: model.dateTime(),
  })
  .indexes([{ on: ["sale_id"] }, { on: ["shift_id"] }, { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL" }]);
