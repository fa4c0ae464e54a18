import { moveStockedQuantity, rows, type Sql, type SqlTransaction } from "@voltura/medusa-kit";

/** The sale's stock movements' net per item and location (what undoing them puts back). */
export async function saleMovementTotals(db: Sql, saleId: string): Promise<Array<{ inventory_item_id: string; location_id: string; total: number }>> {
  const found = await rows(db,
    `SELECT inventory_item_id, location_id, SUM(quantity_delta)::int AS total FROM stock_movement
      WHERE reference_type = 'pos_sale' AND reference_id = ? AND kind = 'sale' AND deleted_at IS NULL
      GROUP BY inventory_item_id, location_id ORDER BY inventory_item_id`, [saleId]);
  return found.map((r) => ({ inventory_item_id: String(r.inventory_item_id), location_id: String(r.location_id), total: Number(r.total) }));
}

/**
 * What an unfinished claim of the earlier step-by-step checkout may have left: its stock movements
 * (put back, as that checkout's compensation did) and any lines, payments and approvals. Runs
 * inside the caller's transaction, which also holds the stock locks of the items involved.
 */
export async function undoClaimLeftovers(trx: SqlTransaction, saleId: string): Promise<void> {
  const totals = await saleMovementTotals(trx, saleId);
  if (totals.length) {
    await trx.raw(
      `SELECT id FROM inventory_level WHERE inventory_item_id = ANY(?::text[]) AND deleted_at IS NULL ORDER BY id FOR UPDATE`,
      [totals.map((t) => t.inventory_item_id)],
    );
    for (const t of totals) await moveStockedQuantity(trx, t.inventory_item_id, t.location_id, -t.total);
    await trx.raw(`DELETE FROM stock_movement WHERE reference_type = 'pos_sale' AND reference_id = ? AND kind = 'sale'`, [saleId]);
  }
  for (const table of ["pos_sale_line", "pos_payment", "pos_approval"]) await trx.raw(`DELETE FROM ${table} WHERE sale_id = ?`, [saleId]);
}
