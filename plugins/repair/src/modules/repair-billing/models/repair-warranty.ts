import { model } from "@medusajs/framework/utils";
import { WARRANTY_VOID_REASONS } from "@voltura/domain";
import { RepairWarrantyClaim } from "./repair-warranty-claim";

/**
 * Warranty on one delivered line. It starts at delivery and ends warranty_days later; claims never
 * move the dates. The customer's phone and the device IMEI/serial are kept as delivered, for lookup.
 */
export const RepairWarranty = model
  .define("repair_warranty", {
    id: model.id({ prefix: "rwty" }).primaryKey(),
    repair_job_id: model.text(),
    job_number: model.text(),
    repair_line_id: model.text(),
    title: model.text(),
    device: model.text(),
    customer_phone: model.text(),
    imei_serial: model.text().nullable(),
    warranty_days: model.number(),
    starts_at: model.dateTime(),
    ends_at: model.dateTime(),
    void_reason: model.enum([...WARRANTY_VOID_REASONS]).nullable(),
    void_note: model.text().nullable(),
    voided_at: model.dateTime().nullable(),
    voided_by: model.text().nullable(),
    claims: model.hasMany(() => RepairWarrantyClaim, { mappedBy: "warranty" }),
  })
  .indexes([{ on: ["repair_job_id"] }, { on: ["customer_phone"] }, { on: ["imei_serial"] }]);
