import { model } from "@medusajs/framework/utils";
import { INVOICE_STATUSES } from "../../../domain/status";
import { salesDocumentFields } from "./document-fields";
import { SalesInvoicePayment } from "./sales-invoice-payment";

/**
 * A counter or B2B invoice. Its number comes from the repair desk's INV-YYYY-NNNNNN counter, so
 * the shop has one invoice series whatever raised the invoice.
 */
export const SalesInvoice = model
  .define("sales_invoice", {
    id: model.id({ prefix: "sinv" }).primaryKey(),
    invoice_number: model.text().unique(),
    status: model.enum([...INVOICE_STATUSES]).default("unpaid"),
    quotation_id: model.text().nullable(),
    ...salesDocumentFields(),
    paid_sen: model.number().default(0),
    balance_sen: model.number(),
    due_at: model.dateTime().nullable(),
    /** The client's key for a direct invoice (a retry with it answers this invoice) and a hash of what it asked for. */
    idempotency_key: model.text().nullable(),
    request_hash: model.text().nullable(),
    payments: model.hasMany(() => SalesInvoicePayment, { mappedBy: "invoice" }),
  })
  .indexes([
    { on: ["status"] }, { on: ["issued_at"] }, { on: ["quotation_id"] },
    { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL" },
  ]);
