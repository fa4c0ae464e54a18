import { model } from "@medusajs/framework/utils";

/**
 * A counter sale. It is written "committed" in one transaction with its lines, payments, approvals
 * and stock movements (unique idempotency key, so a replayed checkout finds it instead of selling
 * twice); `outbox` holds what is left outside that transaction (customer, Medusa order, link,
 * event), done under the lease `lease_until`, after which the sale is "completed". "pending" rows
 * come only from the earlier step-by-step checkout and are taken over or abandoned past their
 * lease. Money in integer sen.
 */
export const PosSale = model
  .define("pos_sale", {
    id: model.id({ prefix: "psale" }).primaryKey(),
    idempotency_key: model.text().unique(),
    request_hash: model.text(),
    status: model.enum(["pending", "committed", "completed"]).default("pending"),
    receipt_number: model.text().unique().nullable(),
    register_id: model.text(),
    shift_id: model.text().nullable(),
    order_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    customer_phone: model.text().nullable(),
    customer_name: model.text().nullable(),
    subtotal_sen: model.number().default(0),
    line_discount_sen: model.number().default(0),
    promotion_discount_sen: model.number().default(0),
    cart_discount_sen: model.number().default(0),
    discount_sen: model.number().default(0),
    promo_codes: model.json().nullable(),
    sst_sen: model.number().default(0),
    sst_by_rate: model.json().nullable(),
    sst_included: model.boolean().default(false),
    total_sen: model.number().default(0),
    cash_rounding_sen: model.number().default(0),
    rounded_total_sen: model.number().default(0),
    tendered_sen: model.number().default(0),
    paid_sen: model.number().default(0),
    change_sen: model.number().default(0),
    balance_due_sen: model.number().default(0),
    refunded_sen: model.number().default(0),
    cashier_id: model.text(),
    cashier_name: model.text(),
    note: model.text().nullable(),
    sold_at: model.dateTime().nullable(),
    lease_until: model.dateTime().nullable(),
    outbox: model.json().nullable(),
  })
  .indexes([{ on: ["sold_at"] }, { on: ["customer_id"] }, { on: ["shift_id"] }]);
