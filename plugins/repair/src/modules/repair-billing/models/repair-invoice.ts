import { model } from "@medusajs/framework/utils";

/**
 * The invoice raised when a job completes: its own yearly number series (INV-2026-000001) and the
 * Medusa order (Counter channel) that carries the lines. One per job.
 */
export const RepairInvoice = model.define("repair_invoice", {
  id: model.id({ prefix: "rinv" }).primaryKey(),
  repair_job_id: model.text().unique(),
  invoice_number: model.text().unique(),
  order_id: model.text().nullable(),
  subtotal_sen: model.number(),
  sst_sen: model.number(),
  total_sen: model.number(),
  deposit_sen: model.number(),
  amount_due_sen: model.number(),
  sst_rate_bp: model.number(),
  prices_include_tax: model.boolean(),
  issued_at: model.dateTime(),
  issued_by: model.text(),
});
