import { num, text, type Breach, type IntegrityCheck, type Row } from "../types";

/**
 * On-hand == ledger: Medusa's stocked quantity per inventory item and location equals the sum of
 * that item's `stock_movement` rows there (the invariant GET /admin/inventory/ledger-check shows).
 * A level without ledger rows must be 0; ledger rows without a level count against 0.
 * Reads `inventory_level` (Medusa) and `stock_movement` (the shopInventory module).
 */
export function onHandLedgerBreaches(rows: readonly Row[]): Breach[] {
  return rows.flatMap((r) => {
    const stocked = num(r.stocked_quantity);
    const ledger = num(r.ledger_quantity);
    if (stocked === ledger) return [];
    const item = text(r.inventory_item_id) ?? "?";
    const location = text(r.location_id) ?? "?";
    const label = text(r.sku) ?? text(r.title) ?? item;
    return [{
      kind: "on_hand_differs",
      ref: `${item}@${location}`,
      message: `${label}: the shelf count in the system is ${stocked} but the stock history adds up to ${ledger}.`,
      details: { inventory_item_id: item, location_id: location, stocked_quantity: stocked, ledger_quantity: ledger },
    }];
  });
}

export const onHandLedgerCheck: IntegrityCheck = {
  name: "on_hand_matches_ledger",
  title: "Stock on hand matches the stock history",
  description: "For every item and location, the quantity on hand equals the sum of its stock movements (sales, repairs, receipts, adjustments, stock takes, opening stock).",
  tables: ["inventory_level", "inventory_item", "stock_movement"],
  sql: `
    WITH levels AS (
      -- Medusa reads a quantity from its raw_* copy when there is one; so does this check.
      SELECT inventory_item_id, location_id, COALESCE((raw_stocked_quantity ->> 'value')::numeric, stocked_quantity) AS stocked_quantity
        FROM inventory_level WHERE deleted_at IS NULL
    ), sums AS (
      SELECT inventory_item_id, location_id, SUM(quantity_delta)::numeric AS ledger_quantity
        FROM stock_movement WHERE deleted_at IS NULL GROUP BY inventory_item_id, location_id
    )
    SELECT COALESCE(l.inventory_item_id, s.inventory_item_id) AS inventory_item_id,
           COALESCE(l.location_id, s.location_id) AS location_id,
           COALESCE(l.stocked_quantity, 0) AS stocked_quantity,
           COALESCE(s.ledger_quantity, 0) AS ledger_quantity,
           i.sku, i.title
      FROM levels l
      FULL OUTER JOIN sums s ON s.inventory_item_id = l.inventory_item_id AND s.location_id = l.location_id
      LEFT JOIN inventory_item i ON i.id = COALESCE(l.inventory_item_id, s.inventory_item_id)
     WHERE COALESCE(l.stocked_quantity, 0) <> COALESCE(s.ledger_quantity, 0)
     ORDER BY 1, 2`,
  evaluate: (rows) => onHandLedgerBreaches(rows),
};
