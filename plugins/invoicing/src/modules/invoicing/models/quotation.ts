import { model } from "@medusajs/framework/utils";
import { QUOTATION_STATUSES } from "../../../domain/status";
import { salesDocumentFields } from "./document-fields";

/** A priced offer to a customer, QUO-YYYY-NNNNNN; lines and buyer kept as validated JSON. */
export const Quotation = model
  .define("quotation", {
    id: model.id({ prefix: "quo" }).primaryKey(),
    quotation_number: model.text().unique(),
    status: model.enum([...QUOTATION_STATUSES]).default("draft"),
    ...salesDocumentFields(),
    valid_until: model.dateTime(),
    sent_at: model.dateTime().nullable(),
    decided_at: model.dateTime().nullable(),
    converted_invoice_id: model.text().nullable(),
  })
  .indexes([{ on: ["status"] }, { on: ["customer_id"] }]);
