import { model } from "@medusajs/framework/utils";
import { PAYMENT_METHODS } from "@voltura/domain";
import { SalesInvoice } from "./sales-invoice";

/** One payment against an invoice; partial payments add up to the balance. */
export const SalesInvoicePayment = model
  .define("sales_invoice_payment", {
    id: model.id({ prefix: "sipay" }).primaryKey(),
    method: model.enum([...PAYMENT_METHODS]),
    amount_sen: model.number(),
    reference: model.text().nullable(),
    received_by: model.text(),
    received_at: model.dateTime(),
    /** The client's key for this payment (a retry with it records nothing more) and a hash of what it asked for. */
    idempotency_key: model.text().nullable(),
    request_hash: model.text().nullable(),
    invoice: model.belongsTo(() => SalesInvoice, { mappedBy: "payments" }),
  })
  .indexes([{ on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL" }]);
