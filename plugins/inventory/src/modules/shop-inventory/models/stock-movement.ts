import { model } from "@medusajs/framework/utils";
import { STOCK_MOVEMENT_KINDS } from "../../../domain/stock-movement";

/**
 * One row of the append-only stock ledger. quantity_delta is signed (receipt +, sale −); a stock
 * take posts the counted − expected difference. On-hand at a location is the sum of its rows.
 * An adjustment is its own document: its optional idempotency key (unique) and request hash live here.
 */
export const StockMovement = model
  .define("stock_movement", {
    id: model.id({ prefix: "smov" }).primaryKey(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    quantity_delta: model.number(),
    kind: model.enum([...STOCK_MOVEMENT_KINDS]),
    unit_cost_sen: model.number().nullable(),
    reference_type: model.text().nullable(),
    reference_id: model.text().nullable(),
    actor_id: model.text().nullable(),
    reason: model.text().nullable(),
    note: model.text().nullable(),
    idempotency_key: model.text().nullable(),
    request_hash: model.text().nullable(),
  })
  .indexes([
    { on: ["inventory_item_id", "location_id"] }, { on: ["reference_type", "reference_id"] }, { on: ["kind"] },
    { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL AND deleted_at IS NULL" },
  ]);
