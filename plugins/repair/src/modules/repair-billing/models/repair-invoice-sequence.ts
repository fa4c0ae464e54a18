import { model } from "@medusajs/framework/utils";

/** The last invoice number handed out per series (e.g. "INV-2026"), bumped atomically. */
export const RepairInvoiceSequence = model.define("repair_invoice_sequence", {
  id: model.text().primaryKey(),
  last_value: model.number(),
});
