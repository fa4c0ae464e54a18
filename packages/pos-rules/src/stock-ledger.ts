import { divideRoundHalfUp } from "@voltura/domain";
import type { Sen } from "@voltura/domain";
import { z } from "zod";

export const STOCK_MOVEMENT_KINDS = ["sale", "return", "repair_consumption", "receipt", "adjustment", "stock_take"] as const;
/** damage, loss take stock out; found puts it back; correction is a signed fix of a booking error. */
export const ADJUSTMENT_REASONS = ["damage", "loss", "found", "correction"] as const;
const DIRECTED_REASONS = ["damage", "loss", "found"] as const satisfies readonly AdjustmentReason[];
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

const where = { item_id: z.string().min(1), location_id: z.string().min(1), at: z.iso.datetime({ offset: true }) };
const units = z.number().int().positive();

/**
 * One ledger row. Quantities are magnitudes; the kind gives the direction. `correction` is the one
 * signed adjustment (a non-zero delta); `stock_take` records the counted quantity, which replaces
 * whatever the ledger said before it.
 */
export const stockMovementSchema = z.discriminatedUnion("kind", [
  z.object({ ...where, kind: z.literal("sale"), quantity: units }),
  z.object({ ...where, kind: z.literal("return"), quantity: units }),
  z.object({ ...where, kind: z.literal("repair_consumption"), quantity: units }),
  z.object({ ...where, kind: z.literal("receipt"), quantity: units }),
  z.discriminatedUnion("reason", [
    z.object({ ...where, kind: z.literal("adjustment"), reason: z.enum(DIRECTED_REASONS), quantity: units }),
    z.object({ ...where, kind: z.literal("adjustment"), reason: z.literal("correction"), quantity: z.number().int().refine((q) => q !== 0, "a correction moves stock") }),
  ]),
  z.object({ ...where, kind: z.literal("stock_take"), counted_quantity: z.number().int().nonnegative() }),
]);
export type StockMovement = z.infer<typeof stockMovementSchema>;

export interface StockLevel {
  item_id: string;
  location_id: string;
  on_hand: number;
}

/** The signed effect of a movement that is not a stock take. */
export function movementDelta(movement: Exclude<StockMovement, { kind: "stock_take" }>): number {
  switch (movement.kind) {
    case "sale":
    case "repair_consumption":
      return -movement.quantity;
    case "return":
    case "receipt":
      return movement.quantity;
    case "adjustment":
      if (movement.reason === "correction") return movement.quantity;
      return movement.reason === "found" ? movement.quantity : -movement.quantity;
  }
}

const keyOf = (itemId: string, locationId: string) => JSON.stringify([itemId, locationId]);

/**
 * On-hand per item and location, replaying the ledger in time order (ties keep input order). A stock
 * take sets the level to what was counted. The result may be negative (sold before it was received):
 * the invariant check reports that rather than hiding it.
 */
export function onHandFromLedger(movementsInput: readonly StockMovement[]): StockLevel[] {
  const movements = movementsInput.map((m, i) => ({ movement: stockMovementSchema.parse(m), i, at: Date.parse(m.at) }));
  movements.sort((a, b) => a.at - b.at || a.i - b.i);
  const levels = new Map<string, StockLevel>();
  for (const { movement } of movements) {
    const key = keyOf(movement.item_id, movement.location_id);
    const level = levels.get(key) ?? { item_id: movement.item_id, location_id: movement.location_id, on_hand: 0 };
    level.on_hand = movement.kind === "stock_take" ? movement.counted_quantity : level.on_hand + movementDelta(movement);
    levels.set(key, level);
  }
  return [...levels.values()].sort((a, b) => a.item_id.localeCompare(b.item_id) || a.location_id.localeCompare(b.location_id));
}

export interface LedgerMismatch {
  item_id: string;
  location_id: string;
  /** quantity_mismatch: stored level ≠ ledger; missing_level: ledger rows but no stored level;
   *  negative_on_hand: the ledger itself ends below zero. */
  problem: "quantity_mismatch" | "missing_level" | "negative_on_hand";
  recorded_on_hand: number | null;
  ledger_on_hand: number;
}

/**
 * Compares stored stock levels with the ledger. A stored level with no movements must be 0; an item
 * the ledger knows with no stored level is reported unless the ledger says 0.
 */
export function checkLedgerInvariant(levels: readonly StockLevel[], movements: readonly StockMovement[]): LedgerMismatch[] {
  const fromLedger = new Map(onHandFromLedger(movements).map((l) => [keyOf(l.item_id, l.location_id), l]));
  const mismatches: LedgerMismatch[] = [];
  const recorded = new Map<string, number>();
  for (const level of levels) {
    const key = keyOf(level.item_id, level.location_id);
    recorded.set(key, level.on_hand);
    const ledger = fromLedger.get(key)?.on_hand ?? 0;
    if (ledger !== level.on_hand) {
      mismatches.push({ item_id: level.item_id, location_id: level.location_id, problem: "quantity_mismatch", recorded_on_hand: level.on_hand, ledger_on_hand: ledger });
    }
  }
  for (const [key, level] of fromLedger) {
    const where = { item_id: level.item_id, location_id: level.location_id };
    if (!recorded.has(key) && level.on_hand !== 0) {
      mismatches.push({ ...where, problem: "missing_level", recorded_on_hand: null, ledger_on_hand: level.on_hand });
    }
    if (level.on_hand < 0) {
      mismatches.push({ ...where, problem: "negative_on_hand", recorded_on_hand: recorded.get(key) ?? null, ledger_on_hand: level.on_hand });
    }
  }
  return mismatches;
}

/**
 * Moving weighted average cost after a receipt, half-up to the sen:
 * (qty × avg + received × unit cost) / (qty + received).
 * When the shelf holds nothing (or is oversold, qty < 0) the old average carries no value and the
 * receipt's unit cost becomes the average. Receiving nothing leaves the average as it was.
 */
export function weightedAverageCost(currentQty: number, currentAvgSen: Sen, receivedQty: number, unitCostSen: Sen): Sen {
  for (const [name, v] of [["currentQty", currentQty], ["currentAvgSen", currentAvgSen], ["receivedQty", receivedQty], ["unitCostSen", unitCostSen]] as const) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`${name} must be an integer, got ${v}`);
  }
  if (currentAvgSen < 0 || unitCostSen < 0 || receivedQty < 0) {
    throw new RangeError("costs and the received quantity cannot be negative");
  }
  if (receivedQty === 0) return currentAvgSen;
  if (currentQty <= 0) return unitCostSen;
  return divideRoundHalfUp(currentQty * currentAvgSen + receivedQty * unitCostSen, currentQty + receivedQty);
}
