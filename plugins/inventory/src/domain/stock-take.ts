export const STOCK_TAKE_STATUSES = ["open", "counting", "posted", "cancelled"] as const;
export type StockTakeStatus = (typeof STOCK_TAKE_STATUSES)[number];

export interface StockTakeLineState {
  id: string;
  inventory_item_id: string;
  expected_quantity: number;
  counted_quantity: number | null;
}

export interface StockTakeVariance {
  line_id: string;
  inventory_item_id: string;
  expected_quantity: number;
  counted_quantity: number;
  variance: number;
}

export interface StockTakeReview {
  variances: StockTakeVariance[];
  /** Lines nobody counted: posting leaves them as they are. */
  uncounted: string[];
  matched: number;
}

/**
 * Compares counts with the snapshot taken when the session opened. Only counted lines with a
 * difference become variances (posted as stock_take movements of counted − expected).
 */
export function reviewStockTake(lines: readonly StockTakeLineState[]): StockTakeReview {
  const variances: StockTakeVariance[] = [];
  const uncounted: string[] = [];
  let matched = 0;
  for (const l of lines) {
    if (l.counted_quantity === null) {
      uncounted.push(l.id);
      continue;
    }
    const variance = l.counted_quantity - l.expected_quantity;
    if (variance === 0) matched++;
    else variances.push({ line_id: l.id, inventory_item_id: l.inventory_item_id, expected_quantity: l.expected_quantity, counted_quantity: l.counted_quantity, variance });
  }
  return { variances, uncounted, matched };
}

/** A scan adds one (or the given quantity) to the count; typing a number sets it. */
export function nextCount(current: number | null, mode: "add" | "set", quantity: number): number {
  if (!Number.isInteger(quantity) || quantity < 0) throw new RangeError("quantity must be a whole number, 0 or more");
  return mode === "set" ? quantity : (current ?? 0) + quantity;
}

export function stockTakeAcceptsCounts(status: StockTakeStatus): boolean {
  return status === "open" || status === "counting";
}

/** Finds the line a scanned or typed code points at: barcode first, then SKU (case-insensitive). */
export function lineForCode<T extends { barcode: string | null; sku: string | null }>(lines: readonly T[], code: string): T | null {
  const wanted = code.trim().toLowerCase();
  if (!wanted) return null;
  return lines.find((l) => l.barcode?.toLowerCase() === wanted) ?? lines.find((l) => l.sku?.toLowerCase() === wanted) ?? null;
}
