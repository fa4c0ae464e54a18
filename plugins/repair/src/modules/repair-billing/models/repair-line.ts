import { model } from "@medusajs/framework/utils";
import { FEE_TYPES, PART_GRADES, REPAIR_LINE_KINDS } from "@voltura/domain";

/**
 * One billable line of a repair job. Parts point at the Medusa variant and inventory item and hold
 * a reservation at the "Shop" location until the job completes (then the stock is consumed).
 * Amounts are integer sen; hourly labour is hours × rate_sen, everything else quantity × unit_price_sen.
 */
export const RepairLine = model
  .define("repair_line", {
    id: model.id({ prefix: "rline" }).primaryKey(),
    repair_job_id: model.text(),
    kind: model.enum([...REPAIR_LINE_KINDS]),
    title: model.text(),
    sku: model.text().nullable(),
    variant_id: model.text().nullable(),
    product_id: model.text().nullable(),
    inventory_item_id: model.text().nullable(),
    grade: model.enum([...PART_GRADES]).nullable(),
    fee_type: model.enum([...FEE_TYPES]).nullable(),
    quantity: model.number().default(1),
    unit_price_sen: model.number().default(0),
    hours: model.float().nullable(),
    rate_sen: model.number().nullable(),
    warranty_days: model.number().default(0),
    taxable: model.boolean().default(true),
    waived: model.boolean().default(false),
    note: model.text().nullable(),
    reservation_id: model.text().nullable(),
    stock_location_id: model.text().nullable(),
    consumed_at: model.dateTime().nullable(),
    created_by: model.text(),
  })
  .indexes([{ on: ["repair_job_id"] }]);
