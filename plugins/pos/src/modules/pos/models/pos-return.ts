import { model } from "@medusajs/framework/utils";
import { PAYMENT_METHODS } from "@voltura/domain";

/**
 * A return against a sale: what came back (lines json), whether it was restocked, how it was
 * refunded, by whom, and who approved it when the refund left the original tender or went above
 * the shop's limit (approval_reasons names the rules; empty when none applied).
 */
export const PosReturn = model
  .define("pos_return", {
    id: model.id({ prefix: "pret" }).primaryKey(),
    sale_id: model.text(),
    idempotency_key: model.text().unique(),
    /** The request's fingerprint: the key sent again with another request is refused. */
    request_hash: model.text().nullable(),
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
    approved_by: model.text().nullable(),
    approved_by_name: model.text().nullable(),
    approval_method: model.enum(["session", "credentials"]).nullable(),
    approval_reasons: model.json().nullable(),
  })
  .indexes([{ on: ["sale_id"] }, { on: ["shift_id"] }]);
