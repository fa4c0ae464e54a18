import { model } from "@medusajs/framework/utils";

/** The last receipt number handed out per series ("RCP-2026"), bumped atomically. */
export const PosReceiptSequence = model.define("pos_receipt_sequence", {
  id: model.text().primaryKey(),
  last_value: model.number(),
});
