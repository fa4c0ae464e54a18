import { model } from "@medusajs/framework/utils";

/** The last quotation number handed out per series (e.g. "QUO-2026"), bumped atomically. */
export const QuotationSequence = model.define("quotation_sequence", {
  id: model.text().primaryKey(),
  last_value: model.number(),
});
