import { model } from "@medusajs/framework/utils";
import { PAYMENT_METHODS } from "@voltura/domain";

/** A payment taken at pickup. amount_sen is what the shop keeps; tendered_sen includes cash change given back. */
export const RepairPayment = model
  .define("repair_payment", {
    id: model.id({ prefix: "rpay" }).primaryKey(),
    repair_job_id: model.text(),
    invoice_id: model.text().nullable(),
    method: model.enum([...PAYMENT_METHODS]),
    amount_sen: model.number(),
    tendered_sen: model.number(),
    reference: model.text().nullable(),
    collected_by: model.text().nullable(),
    collected_by_ic_last4: model.text().nullable(),
    received_by: model.text(),
    received_at: model.dateTime(),
  })
  .indexes([{ on: ["repair_job_id"] }]);
