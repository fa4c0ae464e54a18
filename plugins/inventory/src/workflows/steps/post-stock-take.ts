import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import { rows, sqlConnection, withStockLocks } from "@voltura/medusa-kit";
import { reviewStockTake, stockTakeAcceptsCounts, type StockTakeStatus } from "../../domain/stock-take";
import { announceLowStock, announceStockChange } from "./apply-ledger";
import { bookStockMovements } from "./book-stock-movements";
import { withDocumentLock } from "./idempotency";
import { stockTakeLockKey } from "./load-stock-take";

export interface PostStockTakeResult {
  id: string;
  /** The session was already posted: its one posting is the answer. */
  replayed: boolean;
}

/**
 * Posts the variances (counted − expected at opening) as `stock_take` ledger rows and closes the
 * session, in ONE transaction: the session row locked FOR UPDATE first, the movements with their
 * level changes, and the status `posted`. Uncounted lines are left as they are. Posting a posted
 * session again answers that posting (nothing is booked twice); a cancelled one is 409.
 */
export async function postStockTake(container: MedusaContainer, input: { stock_take_id: string; posted_by: string }): Promise<PostStockTakeResult> {
  const db = sqlConnection(container);
  // A session's lines are fixed when it opens: these are the items to lock.
  const items = await rows(db, `SELECT DISTINCT inventory_item_id FROM stock_take_line WHERE stock_take_id = ? AND deleted_at IS NULL`, [input.stock_take_id]);
  const outcome = await withDocumentLock(container, stockTakeLockKey(input.stock_take_id), () =>
    withStockLocks(container, items.map((i) => String(i.inventory_item_id)), () => db.transaction(async (trx) => {
      const [take] = await rows(trx, `SELECT id, status, location_id FROM stock_take WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [input.stock_take_id]);
      if (!take) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock take ${input.stock_take_id} not found`);
      const status = take.status as StockTakeStatus;
      if (status === "posted") return { id: String(take.id), replayed: true, low_stock: [], item_ids: [] as string[] };
      if (!stockTakeAcceptsCounts(status)) throw new MedusaError(MedusaError.Types.CONFLICT, `Stock take is ${status}: it can no longer post`);
      const lines = await rows(trx, `SELECT id, inventory_item_id, expected_quantity, counted_quantity FROM stock_take_line WHERE stock_take_id = ? AND deleted_at IS NULL`, [take.id]);
      const review = reviewStockTake(lines.map((l) => ({
        id: String(l.id), inventory_item_id: String(l.inventory_item_id), expected_quantity: Number(l.expected_quantity),
        counted_quantity: l.counted_quantity === null ? null : Number(l.counted_quantity),
      })));
      if (review.uncounted.length === lines.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "counts: nothing was counted yet");
      const booked = await bookStockMovements(trx, review.variances.map((v) => ({
        inventory_item_id: v.inventory_item_id, location_id: String(take.location_id), quantity_delta: v.variance, kind: "stock_take" as const,
        reference_type: "stock_take", reference_id: String(take.id), actor_id: input.posted_by, note: `Counted ${v.counted_quantity}, expected ${v.expected_quantity}`,
      })));
      await trx.raw(`UPDATE stock_take SET status = 'posted', posted_by = ?, posted_at = now(), updated_at = now() WHERE id = ?`, [input.posted_by, take.id]);
      return { id: String(take.id), replayed: false, low_stock: booked.low_stock, item_ids: review.variances.map((v) => v.inventory_item_id) };
    })));
  await announceLowStock(container, outcome.low_stock);
  await announceStockChange(container, outcome.item_ids);
  return { id: outcome.id, replayed: outcome.replayed };
}
