import type { MedusaContainer } from "@medusajs/framework/types";
import { rows, sqlConnection, withStockLocks, type Sql, type SqlRow } from "@voltura/medusa-kit";
import { assertItemsExist, resolveLocationId } from "./item-info";
import { announceLowStock, announceStockChange, stockMovementRowOf, type StockMovementRow } from "./apply-ledger";
import { bookStockMovements } from "./book-stock-movements";
import { isUniqueViolation, replayOrRefuse, requestHash } from "./idempotency";

export const STOCK_ADJUSTMENT_REASONS = ["damage", "loss", "found", "correction"] as const;
export type StockAdjustmentReason = (typeof STOCK_ADJUSTMENT_REASONS)[number];

export interface StockAdjustmentInput {
  inventory_item_id: string;
  location_id?: string;
  reason: StockAdjustmentReason;
  /** Units: damage / loss take them out, found puts them back, correction is signed. */
  quantity: number;
  note?: string | null;
  actor_id: string;
  /** The same key with the same body answers the one adjustment; with another body, 409. */
  idempotency_key?: string | null;
}

export interface StockAdjustmentResult {
  adjustment: StockMovementRow;
  replayed: boolean;
}

/** The signed ledger delta of an adjustment. */
export function adjustmentDelta(reason: StockAdjustmentReason, quantity: number): number {
  if (reason === "correction") return quantity;
  return reason === "found" ? Math.abs(quantity) : -Math.abs(quantity);
}

const KEY_INDEX = "IDX_stock_movement_idempotency_key_unique";

async function adjustmentWithKey(db: Sql, key: string): Promise<SqlRow | undefined> {
  const [row] = await rows(db, `SELECT * FROM stock_movement WHERE idempotency_key = ? AND deleted_at IS NULL`, [key]);
  return row;
}

const replayed = (row: SqlRow): StockAdjustmentResult => ({ adjustment: stockMovementRowOf(row), replayed: true });

/**
 * A stock adjustment with its reason and who made it: one `adjustment` ledger row (which is the
 * adjustment, carrying its key) and the level change, in one transaction under the item's stock
 * lock. Two copies of one key: the second waits on the lock (or, from another process, fails on
 * the key's unique index) and replays the first. Low-stock alerts go out after the commit.
 */
export async function adjustStock(container: MedusaContainer, input: StockAdjustmentInput): Promise<StockAdjustmentResult> {
  const key = input.idempotency_key ?? null;
  const hash = requestHash({
    inventory_item_id: input.inventory_item_id, location_id: input.location_id ?? null, reason: input.reason, quantity: input.quantity, note: input.note ?? null,
  });
  const db = sqlConnection(container);
  const stored = key ? await adjustmentWithKey(db, key) : undefined;
  if (stored) return replayOrRefuse(stored, hash, () => replayed(stored));

  await assertItemsExist(container, [input.inventory_item_id]);
  const locationId = await resolveLocationId(container, input.location_id);
  try {
    const outcome = await withStockLocks(container, [input.inventory_item_id], () => db.transaction(async (trx) => {
      const first = key ? await adjustmentWithKey(trx, key) : undefined;
      if (first) return { replay: true, stored: first } as const;
      const booked = await bookStockMovements(trx, [{
        inventory_item_id: input.inventory_item_id, location_id: locationId, quantity_delta: adjustmentDelta(input.reason, input.quantity), kind: "adjustment",
        reason: input.reason, actor_id: input.actor_id, note: input.note ?? null, reference_type: "stock_adjustment", idempotency_key: key, request_hash: key ? hash : null,
      }]);
      return { replay: false, booked } as const;
    }));
    if (outcome.replay) return replayOrRefuse(outcome.stored, hash, () => replayed(outcome.stored));
    await announceLowStock(container, outcome.booked.low_stock);
    await announceStockChange(container, [input.inventory_item_id]);
    return { adjustment: outcome.booked.rows[0]!, replayed: false };
  } catch (error) {
    const winner = key && isUniqueViolation(error, KEY_INDEX) ? await adjustmentWithKey(db, key) : undefined;
    if (winner) return replayOrRefuse(winner, hash, () => replayed(winner));
    throw error;
  }
}
