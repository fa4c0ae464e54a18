import { generateEntityId } from "@medusajs/framework/utils";
import { lockStockLevels, moveStockedQuantity, parseOrThrow, rows, type SqlTransaction } from "@voltura/medusa-kit";
import { averageCostAfter } from "../../domain/cost";
import { stockMovementRowOf, type StockMovementRow } from "./apply-ledger";
import { applyStockMovementsInputSchema, COSTED_KINDS, lowStockCrossings, netChanges, type ItemAtLocation, type LowStockEventData, type StockMovementInput } from "../../domain/stock-movement";

/** A movement to book, with the idempotency record of the adjustment it is (adjustments only). */
export type BookableMovement = StockMovementInput & { idempotency_key?: string | null; request_hash?: string | null };

export interface BookedMovements {
  rows: StockMovementRow[];
  /** Items that fell to or below their threshold: announced after the commit. */
  low_stock: LowStockEventData[];
}

const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * Books movements inside the caller's transaction, as `applyStockMovements` does through the
 * modules: the items' inventory levels locked FOR UPDATE in id order per location (a missing one
 * created at 0), one `stock_movement` row each, the stocked quantity (and Medusa's raw column)
 * moved by the net per item and location, and the weighted average cost moved by receipts and
 * opening stock. The caller holds the items' stock locks; a rollback undoes all of it.
 */
export async function bookStockMovements(trx: SqlTransaction, movements: readonly BookableMovement[]): Promise<BookedMovements> {
  const parsed = parseOrThrow(applyStockMovementsInputSchema, { movements: movements.map(({ idempotency_key: _k, request_hash: _h, ...m }) => m) }).movements;
  if (!parsed.length) return { rows: [], low_stock: [] };
  const itemIds = [...new Set(parsed.map((m) => m.inventory_item_id))];
  const levels: Array<ItemAtLocation & { stocked_quantity: number }> = [];
  for (const location of [...new Set(parsed.map((m) => m.location_id))].sort()) {
    const locked = await lockStockLevels(trx, parsed.filter((m) => m.location_id === location).map((m) => m.inventory_item_id), location);
    levels.push(...locked.map((l) => ({ inventory_item_id: l.inventory_item_id, location_id: location, stocked_quantity: l.stocked_quantity })));
  }
  const profiles = await rows(trx,
    `SELECT id, inventory_item_id, average_cost_sen, low_stock_threshold FROM item_stock_profile
      WHERE inventory_item_id = ANY(?::text[]) AND deleted_at IS NULL ORDER BY id FOR UPDATE`, [itemIds]);

  // Receipts and opening stock move the average cost, replayed over the on-hand (all locations) before them.
  const costed = parsed.filter((m) => COSTED_KINDS.has(m.kind) && m.unit_cost_sen !== null && m.unit_cost_sen !== undefined);
  const costs = new Map<string, number>();
  for (const itemId of new Set(costed.map((m) => m.inventory_item_id))) {
    const [stocked] = await rows(trx,
      `SELECT COALESCE(SUM(GREATEST(stocked_quantity, 0)), 0)::float8 AS on_hand FROM inventory_level WHERE inventory_item_id = ? AND deleted_at IS NULL`, [itemId]);
    const before = Number(profiles.find((p) => p.inventory_item_id === itemId)?.average_cost_sen ?? 0);
    costs.set(itemId, averageCostAfter(Number(stocked?.on_hand ?? 0), before,
      costed.filter((m) => m.inventory_item_id === itemId).map((m) => ({ quantity: m.quantity_delta, unit_cost_sen: m.unit_cost_sen! }))));
  }

  const ids = parsed.map(() => generateEntityId(undefined, "smov"));
  await trx("stock_movement").insert(parsed.map((m, i) => ({
    id: ids[i]!, inventory_item_id: m.inventory_item_id, location_id: m.location_id, quantity_delta: m.quantity_delta, kind: m.kind,
    unit_cost_sen: m.unit_cost_sen ?? null, reference_type: m.reference_type ?? null, reference_id: m.reference_id ?? null, actor_id: m.actor_id ?? null,
    reason: m.reason ?? null, note: m.note ?? null, idempotency_key: movements[i]!.idempotency_key ?? null, request_hash: movements[i]!.request_hash ?? null,
  })));
  const net = netChanges(parsed);
  for (const n of net) await moveStockedQuantity(trx, n.inventory_item_id, n.location_id, n.quantity_delta);
  for (const [itemId, averageCostSen] of costs) {
    await trx.raw(
      `INSERT INTO item_stock_profile (id, inventory_item_id, average_cost_sen, created_at, updated_at) VALUES (?, ?, ?, now(), now())
       ON CONFLICT (inventory_item_id) WHERE deleted_at IS NULL DO UPDATE SET average_cost_sen = EXCLUDED.average_cost_sen, updated_at = now()`,
      [generateEntityId(undefined, "isp"), itemId, averageCostSen]);
  }

  const booked = await rows(trx, `SELECT * FROM stock_movement WHERE id = ANY(?::text[])`, [ids]);
  const thresholds = new Map(profiles.map((p) => [String(p.inventory_item_id), numberOrNull(p.low_stock_threshold)]));
  return {
    rows: ids.map((id) => {
      const row = booked.find((r) => r.id === id);
      if (!row) throw new Error(`stock movement ${id} was not read back`);
      return stockMovementRowOf(row);
    }),
    low_stock: lowStockCrossings(levels, net, thresholds),
  };
}
