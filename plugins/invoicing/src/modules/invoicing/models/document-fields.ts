import { model } from "@medusajs/framework/utils";
import type { Buyer, DocumentLine } from "../../../domain/lines";

/**
 * The fields a quotation and a sales invoice share: who it is for, its lines and their totals, when
 * it was issued and by whom. A function, so each model gets its own property builders.
 */
export const salesDocumentFields = () => ({
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
  created_by: model.text(),
});
