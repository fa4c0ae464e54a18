import { weightedAverageCost } from "@voltura/pos-rules";

/**
 * The weighted average cost after a run of receipts, each applied in turn to the quantity on hand
 * before it (pos-rules' weightedAverageCost: an empty or oversold shelf takes the receipt's cost).
 */
export function averageCostAfter(onHand: number, averageSen: number, receipts: ReadonlyArray<{ quantity: number; unit_cost_sen: number }>): number {
  let qty = onHand;
  let avg = averageSen;
  for (const r of receipts) {
    avg = weightedAverageCost(qty, avg, r.quantity, r.unit_cost_sen);
    qty += r.quantity;
  }
  return avg;
}
