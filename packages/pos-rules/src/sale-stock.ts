/** One sale line's draw on an inventory item at the selling location. */
export interface SaleStockLine {
  inventory_item_id: string;
  variant_id: string;
  title: string;
  units: number;
  /** False when a manager approved selling this line past the stock on hand. */
  guarded: boolean;
}

/** An inventory level as read under its row lock, with the item's low-stock threshold. */
export interface LockedStockLevel {
  inventory_item_id: string;
  stocked_quantity: number;
  reserved_quantity: number;
  low_stock_threshold: number | null;
}

export interface SaleStockPlan {
  /** The change of each item's stocked quantity (negative), with before and after. */
  changes: Array<{ inventory_item_id: string; delta: number; before: number; after: number }>;
  /** Items a guarded line wants more of than is available (stocked − reserved): the sale must not go on. */
  short: Array<{ inventory_item_id: string; variant_id: string; title: string; requested: number; available: number }>;
  /** Items the sale takes from above their threshold to at or below it. */
  low_stock: Array<{ inventory_item_id: string; on_hand: number; threshold: number }>;
}

const isLow = (onHand: number, threshold: number | null) => threshold !== null && onHand <= threshold;

/**
 * The stock side of a sale, decided on levels read under lock: all lines of one item count
 * together; an item is short when a line without an override wants more than is available (a
 * missing level has nothing); low stock is a crossing, not a state, so one sale alerts once.
 */
export function planSaleStock(lines: readonly SaleStockLine[], levels: readonly LockedStockLevel[]): SaleStockPlan {
  const byItem = new Map<string, { units: number; guarded: boolean; variant_id: string; title: string }>();
  for (const line of lines) {
    if (line.units <= 0) continue;
    const item = byItem.get(line.inventory_item_id) ?? { units: 0, guarded: false, variant_id: line.variant_id, title: line.title };
    item.units += line.units;
    item.guarded ||= line.guarded;
    byItem.set(line.inventory_item_id, item);
  }
  const plan: SaleStockPlan = { changes: [], short: [], low_stock: [] };
  for (const [itemId, item] of byItem) {
    const level = levels.find((l) => l.inventory_item_id === itemId);
    const before = level?.stocked_quantity ?? 0;
    const available = Math.max(0, before - (level?.reserved_quantity ?? 0));
    if (item.guarded && item.units > available) {
      plan.short.push({ inventory_item_id: itemId, variant_id: item.variant_id, title: item.title, requested: item.units, available });
    }
    const after = before - item.units;
    plan.changes.push({ inventory_item_id: itemId, delta: -item.units, before, after });
    const threshold = level?.low_stock_threshold ?? null;
    if (!isLow(before, threshold) && isLow(after, threshold)) plan.low_stock.push({ inventory_item_id: itemId, on_hand: after, threshold: threshold! });
  }
  return plan;
}
