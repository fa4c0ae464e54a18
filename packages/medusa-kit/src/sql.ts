import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, generateEntityId, Modules } from "@medusajs/framework/utils";

export type SqlRow = Record<string, unknown>;

/** What a module service's transaction manager offers for raw SQL (MikroORM's EntityManager). */
export interface SqlExecutor {
  execute(sql: string, params: unknown[]): Promise<unknown[]>;
}

/**
 * What the crash-safe writes need of knex (PG_CONNECTION) and of one of its transactions: every
 * module's tables live in the one database, so a flow's rows, its ledger rows and its idempotency
 * record commit in one PostgreSQL transaction.
 */
export interface Sql {
  raw(sql: string, bindings?: readonly unknown[]): PromiseLike<{ rows: SqlRow[] }>;
}
export interface SqlTransaction extends Sql {
  (table: string): { insert(rows: SqlRow | SqlRow[]): PromiseLike<unknown> };
}
export interface SqlConnection extends Sql {
  transaction<T>(work: (trx: SqlTransaction) => Promise<T>): Promise<T>;
}

/** The shared PostgreSQL connection. */
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

/** Sets a level's stocked quantity by a signed amount, keeping Medusa's raw (BigNumber) column in step. */
export async function moveStockedQuantity(trx: SqlTransaction, itemId: string, locationId: string, delta: number): Promise<void> {
  await trx.raw(
    `UPDATE inventory_level SET stocked_quantity = stocked_quantity + ?,
       raw_stocked_quantity = jsonb_build_object('value', (stocked_quantity + ?)::text, 'precision', 20), updated_at = now()
     WHERE inventory_item_id = ? AND location_id = ? AND deleted_at IS NULL`,
    [delta, delta, itemId, locationId],
  );
}

export interface StockLevelUnderLock {
  inventory_item_id: string;
  stocked_quantity: number;
  reserved_quantity: number;
}

const ZERO_RAW = JSON.stringify({ value: "0", precision: 20 });

/**
 * Locks the inventory levels of `itemIds` at a location FOR UPDATE, in id order (as every stock
 * writer does), creating a missing level at 0 first, as the ledger does. Runs inside the caller's
 * transaction, under withStockLocks for the same items.
 */
export async function lockStockLevels(trx: SqlTransaction, itemIds: readonly string[], locationId: string): Promise<StockLevelUnderLock[]> {
  const ids = [...new Set(itemIds)];
  if (!ids.length) return [];
  const found = await rows(trx,
    `SELECT inventory_item_id, stocked_quantity::float8 AS stocked, reserved_quantity::float8 AS reserved FROM inventory_level
      WHERE location_id = ? AND inventory_item_id = ANY(?::text[]) AND deleted_at IS NULL ORDER BY id FOR UPDATE`, [locationId, ids]);
  const levels = found.map((l) => ({ inventory_item_id: String(l.inventory_item_id), stocked_quantity: Number(l.stocked), reserved_quantity: Number(l.reserved) }));
  for (const id of ids.filter((i) => !levels.some((l) => l.inventory_item_id === i))) {
    await trx.raw(
      `INSERT INTO inventory_level (id, inventory_item_id, location_id, stocked_quantity, reserved_quantity, incoming_quantity,
         raw_stocked_quantity, raw_reserved_quantity, raw_incoming_quantity, created_at, updated_at)
       VALUES (?, ?, ?, 0, 0, 0, ?::jsonb, ?::jsonb, ?::jsonb, now(), now())`,
      [generateEntityId(undefined, "ilev"), id, locationId, ZERO_RAW, ZERO_RAW, ZERO_RAW]);
    levels.push({ inventory_item_id: id, stocked_quantity: 0, reserved_quantity: 0 });
  }
  return levels;
}
