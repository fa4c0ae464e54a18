import { z } from "zod";

export const STOCK_MOVEMENT_KINDS = ["opening", "sale", "return", "repair_consumption", "receipt", "adjustment", "stock_take"] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

/** Kinds that carry a unit cost and so move the weighted average cost. */
export const COSTED_KINDS: ReadonlySet<string> = new Set<StockMovementKind>(["receipt", "opening"]);

/** Kinds whose direction is fixed; adjustments and stock takes go either way. */
const DIRECTION: Partial<Record<StockMovementKind, "in" | "out">> = {
  opening: "in",
  receipt: "in",
  return: "in",
  sale: "out",
  repair_consumption: "out",
};

const optionalText = z.string().trim().min(1).max(500).nullish();

/** What a caller of applyStockMovementsStep passes: one signed change of one item at one location. */
export const stockMovementInputSchema = z
  .object({
    inventory_item_id: z.string().min(1),
    location_id: z.string().min(1),
    quantity_delta: z.number().int().refine((q) => q !== 0, "a movement must move stock"),
    kind: z.enum(STOCK_MOVEMENT_KINDS),
    unit_cost_sen: z.number().int().nonnegative().nullish(),
    reference_type: optionalText,
    reference_id: optionalText,
    actor_id: optionalText,
    reason: optionalText,
    note: z.string().trim().max(2000).nullish(),
  })
  .superRefine((m, ctx) => {
    const direction = DIRECTION[m.kind];
    if (direction === "in" && m.quantity_delta < 0) ctx.addIssue({ code: "custom", path: ["quantity_delta"], message: `a ${m.kind} adds stock (positive quantity_delta)` });
    if (direction === "out" && m.quantity_delta > 0) ctx.addIssue({ code: "custom", path: ["quantity_delta"], message: `a ${m.kind} takes stock out (negative quantity_delta)` });
  });
export type StockMovementInput = z.input<typeof stockMovementInputSchema>;
export type StockMovementRecordInput = z.output<typeof stockMovementInputSchema>;

export const applyStockMovementsInputSchema = z.object({ movements: z.array(stockMovementInputSchema) });

export interface ItemAtLocation {
  inventory_item_id: string;
  location_id: string;
}
export interface NetChange extends ItemAtLocation {
  quantity_delta: number;
}

const keyOf = (m: ItemAtLocation) => `${m.inventory_item_id}\u0000${m.location_id}`;

/** Movements summed per item and location (zero nets dropped), in first-seen order. */
export function netChanges(movements: readonly (ItemAtLocation & { quantity_delta: number })[]): NetChange[] {
  const sums = new Map<string, NetChange>();
  for (const m of movements) {
    const key = keyOf(m);
    const current = sums.get(key) ?? { inventory_item_id: m.inventory_item_id, location_id: m.location_id, quantity_delta: 0 };
    current.quantity_delta += m.quantity_delta;
    sums.set(key, current);
  }
  return [...sums.values()].filter((s) => s.quantity_delta !== 0);
}

/** The same movements pointing the other way (what a compensation applies). */
export function reversed<T extends { quantity_delta: number }>(movements: readonly T[]): T[] {
  return movements.map((m) => ({ ...m, quantity_delta: -m.quantity_delta }));
}

export interface LedgerMismatch extends ItemAtLocation {
  stocked_quantity: number;
  ledger_quantity: number;
}

/**
 * Where Medusa's stocked quantity differs from the ledger's sum. A level without ledger rows must
 * be 0, and ledger rows without a level count against a level of 0.
 */
export function ledgerMismatches(
  levels: readonly (ItemAtLocation & { stocked_quantity: number })[],
  ledgerSums: readonly (ItemAtLocation & { ledger_quantity: number })[],
): LedgerMismatch[] {
  const ledger = new Map(ledgerSums.map((s) => [keyOf(s), s.ledger_quantity]));
  const seen = new Set<string>();
  const out: LedgerMismatch[] = [];
  for (const level of levels) {
    const key = keyOf(level);
    seen.add(key);
    const sum = ledger.get(key) ?? 0;
    if (sum !== level.stocked_quantity) out.push({ inventory_item_id: level.inventory_item_id, location_id: level.location_id, stocked_quantity: level.stocked_quantity, ledger_quantity: sum });
  }
  for (const s of ledgerSums) {
    if (!seen.has(keyOf(s)) && s.ledger_quantity !== 0) out.push({ inventory_item_id: s.inventory_item_id, location_id: s.location_id, stocked_quantity: 0, ledger_quantity: s.ledger_quantity });
  }
  return out;
}

/** True when the item has dropped to or below its threshold (no threshold: never low). */
export function isLowStock(onHand: number, threshold: number | null | undefined): boolean {
  return threshold !== null && threshold !== undefined && onHand <= threshold;
}

/** True when a change takes an item from above its threshold to at or below it. */
export function crossedBelowThreshold(before: number, after: number, threshold: number | null | undefined): boolean {
  return !isLowStock(before, threshold) && isLowStock(after, threshold);
}

/** An item at a location that fell to or below its threshold (the `procurement.stock.low` event's data). */
export interface LowStockEventData extends ItemAtLocation {
  on_hand: number;
  threshold: number;
}

/**
 * The falling changes that take an item at a location from above its threshold to at or below it,
 * given the stocked quantities before the change and each item's threshold (absent: never low).
 */
export function lowStockCrossings(
  levelsBefore: readonly (ItemAtLocation & { stocked_quantity: number })[],
  net: readonly NetChange[],
  thresholds: ReadonlyMap<string, number | null>,
): LowStockEventData[] {
  return net.filter((n) => n.quantity_delta < 0).flatMap((n) => {
    const threshold = thresholds.get(n.inventory_item_id) ?? null;
    const before = levelsBefore.find((l) => keyOf(l) === keyOf(n))?.stocked_quantity ?? 0;
    const after = before + n.quantity_delta;
    return threshold !== null && crossedBelowThreshold(before, after, threshold) ? [{ inventory_item_id: n.inventory_item_id, location_id: n.location_id, on_hand: after, threshold }] : [];
  });
}
