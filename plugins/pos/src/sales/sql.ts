import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";

export type SqlRow = Record<string, unknown>;

/** What the checkout needs of knex (PG_CONNECTION) and of one of its transactions. */
export interface Sql {
  raw(sql: string, bindings?: readonly unknown[]): PromiseLike<{ rows: SqlRow[] }>;
}
export interface SqlTransaction extends Sql {
  (table: string): { insert(rows: SqlRow | SqlRow[]): PromiseLike<unknown> };
}
export interface SqlConnection extends Sql {
  transaction<T>(work: (trx: SqlTransaction) => Promise<T>): Promise<T>;
}

/** The shared PostgreSQL connection: every module's tables live in the one database. */
export const sqlConnection = (container: MedusaContainer) => container.resolve<SqlConnection>(ContainerRegistrationKeys.PG_CONNECTION);

export async function rows(db: Sql, sql: string, bindings: readonly unknown[] = []): Promise<SqlRow[]> {
  return (await db.raw(sql, bindings)).rows;
}

/**
 * Runs `work` holding the same per-item locks as the stock ledger (`stock:<item id>`), so no
 * other stock change reads a level between this transaction's lock and its commit.
 */
export async function withStockLocks<T>(container: MedusaContainer, itemIds: string[], work: () => Promise<T>): Promise<T> {
  const keys = [...new Set(itemIds)].sort().map((id) => `stock:${id}`);
  if (!keys.length) return work();
  return container.resolve(Modules.LOCKING).execute(keys, work);
}

/** The sale's stock movements' net per item and location (what undoing them puts back). */
export async function saleMovementTotals(db: Sql, saleId: string): Promise<Array<{ inventory_item_id: string; location_id: string; total: number }>> {
  const found = await rows(db,
    `SELECT inventory_item_id, location_id, SUM(quantity_delta)::int AS total FROM stock_movement
      WHERE reference_type = 'pos_sale' AND reference_id = ? AND kind = 'sale' AND deleted_at IS NULL
      GROUP BY inventory_item_id, location_id ORDER BY inventory_item_id`, [saleId]);
  return found.map((r) => ({ inventory_item_id: String(r.inventory_item_id), location_id: String(r.location_id), total: Number(r.total) }));
}

/** Sets a level's stocked quantity by a signed amount, keeping Medusa's raw (BigNumber) column in step. */
export async function moveStockedQuantity(trx: SqlTransaction, itemId: string, locationId: string, delta: number): Promise<void> {
  await trx.raw(
    `UPDATE inventory_level SET stocked_quantity = stocked_quantity + ?,
       raw_stocked_quantity = jsonb_build_object('value', (stocked_quantity + ?)::text, 'precision', 20), updated_at = now()
     WHERE inventory_item_id = ? AND location_id = ? AND deleted_at IS NULL`,
    [delta, delta, itemId, locationId],
  );
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
