import type { Sen } from "@voltura/domain";
import { roundCashSen } from "./cash-rounding.js";
import { assertSen } from "./sen.js";

export interface RefundableLine {
  /** Units sold on the line. */
  quantity: number;
  /** What the customer paid for the whole line (after discounts, SST included), in sen. */
  total_sen: Sen;
  /** Units already returned before this return. */
  returned_quantity: number;
}

/**
 * The refund for returning `units` more of a line: its share of what was paid, taken cumulatively
 * (share of all units returned so far − share of those returned before, each half-up), so returning
 * a line one unit at a time refunds exactly its total in the end. Refuses returning more than was sold.
 */
export function lineRefundSen(line: RefundableLine, units: number): Sen {
  assertSen(line.total_sen, "total_sen");
  if (!Number.isSafeInteger(units) || units <= 0) throw new RangeError(`units must be a positive integer, got ${units}`);
  const left = line.quantity - line.returned_quantity;
  if (units > left) throw new RangeError(`cannot return ${units}: only ${left} of ${line.quantity} left to return`);
  const share = (returned: number) => Math.floor((line.total_sen * returned * 2 + line.quantity) / (line.quantity * 2));
  return share(line.returned_quantity + units) - share(line.returned_quantity);
}

export interface RefundSettlement {
  /** Exact refund owed, in sen. */
  refund_sen: Sen;
  /** What is handed back (cash rounded to 5 sen; other methods exact). */
  paid_out_sen: Sen;
  /** paid_out − refund (−2 … +2 sen) on a cash refund, else 0. */
  cash_rounding_sen: Sen;
}

/** A cash refund is rounded to the nearest 5 sen like any cash payment; other methods pay back exactly. */
export function settleRefund(refundSen: Sen, cash: boolean): RefundSettlement {
  assertSen(refundSen, "refund_sen");
  if (refundSen < 0) throw new RangeError(`refund_sen cannot be negative, got ${refundSen}`);
  const paidOut = cash ? roundCashSen(refundSen) : refundSen;
  return { refund_sen: refundSen, paid_out_sen: paidOut, cash_rounding_sen: paidOut - refundSen };
}
