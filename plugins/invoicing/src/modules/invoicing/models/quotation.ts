import { model } from "@medusajs/framework/utils";
import type { Buyer, DocumentLine } from "../../../domain/lines";
import { QUOTATION_STATUSES } from "../../../domain/status";

/** A priced offer to a customer, QUO-YYYY-NNNNNN; lines and buyer kept as validated JSON. */
export const Quotation = model
  .define("quotation", {
    id: model.id({ prefix: "quo" }).primaryKey(),
    quotation_number: model.text().unique(),
    status: model.enum([...QUOTATION_STATUSES]).default("draft"),
    customer_id: model.text().nullable(),
    buyer: model.json<Buyer>(),
    lines: model.json<DocumentLine[]>(),
    notes: model.text().nullable(),
    subtotal_sen: model.number(),
    discount_sen: model.number(),
    sst_sen: model.number(),
    total_sen: model.number(),
    prices_include_tax: model.boolean(),
    issued_at: model.dateTime(),
    valid_until: model.dateTime(),
    sent_at: model.dateTime().nullable(),
    decided_at: model.dateTime().nullable(),
    converted_invoice_id: model.text().nullable(),
    created_by: model.text(),
  })
  .indexes([{ on: ["status"] }, { on: ["customer_id"] }]);
