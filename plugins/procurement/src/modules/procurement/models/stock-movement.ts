import { model } from "@medusajs/framework/utils";
import { STOCK_MOVEMENT_KINDS } from "../../../ledger/movement";

/**
 * One row of the append-only stock ledger. quantity_delta is signed (receipt +, sale −); a stock
 * take posts the counted − expected difference. On-hand at a location is the sum of its rows.
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
  })
  .indexes([{ on: ["inventory_item_id", "location_id"] }, { on: ["reference_type", "reference_id"] }, { on: ["kind"] }]);
