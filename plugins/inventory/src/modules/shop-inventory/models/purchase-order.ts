import { model } from "@medusajs/framework/utils";
import { PURCHASE_ORDER_STATUSES } from "../../../domain/purchase-order";
import { PurchaseOrderLine } from "./purchase-order-line";

/** A purchase order PO-YYYY-NNNNNN to one supplier, received into one stock location. */
export const PurchaseOrder = model
  .define("purchase_order", {
    id: model.id({ prefix: "po" }).primaryKey(),
    po_number: model.text().unique(),
    supplier_id: model.text(),
    location_id: model.text(),
    status: model.enum([...PURCHASE_ORDER_STATUSES]).default("draft"),
    note: model.text().nullable(),
    expected_at: model.dateTime().nullable(),
    sent_at: model.dateTime().nullable(),
    received_at: model.dateTime().nullable(),
    cancelled_at: model.dateTime().nullable(),
    created_by: model.text(),
    lines: model.hasMany(() => PurchaseOrderLine, { mappedBy: "purchase_order" }),
  })
  .indexes([{ on: ["supplier_id"] }, { on: ["status"] }]);
