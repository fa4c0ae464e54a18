import { model } from "@medusajs/framework/utils";
import { PAYMENT_METHODS } from "@voltura/domain";
import { SalesInvoice } from "./sales-invoice";

/** One payment against an invoice; partial payments add up to the balance. */
export const SalesInvoicePayment = model.define("sales_invoice_payment", {
  id: model.id({ prefix: "sipay" }).primaryKey(),
  method: model.enum([...PAYMENT_METHODS]),
  amount_sen: model.number(),
  reference: model.text().nullable(),
  received_by: model.text(),
  received_at: model.dateTime(),
  invoice: model.belongsTo(() => SalesInvoice, { mappedBy: "payments" }),
});
