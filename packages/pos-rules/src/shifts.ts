import type { Sen } from "@voltura/domain";
import { assertSen } from "./sen.js";

export interface ShiftCashFlows {
  opening_float_sen: Sen;
  /** Cash kept from sales and later payments during the shift (tendered − change). */
  cash_sales_sen: Sen;
  /** Cash handed back for refunds during the shift. */
  cash_refunds_sen: Sen;
}

export interface ShiftCount {
  expected_cash_sen: Sen;
  counted_cash_sen: Sen;
  /** counted − expected: negative is a shortage, positive an overage. */
  variance_sen: Sen;
}

/** What should be in the drawer: float + cash kept − cash refunded. */
export function expectedDrawerSen(flows: ShiftCashFlows): Sen {
  for (const [field, value] of Object.entries(flows)) {
    assertSen(value, field);
    if (value < 0) throw new RangeError(`${field} cannot be negative, got ${value}`);
  }
  return flows.opening_float_sen + flows.cash_sales_sen - flows.cash_refunds_sen;
}

/** Closing count against what the shift's cash movements say the drawer holds. */
export function countShift(flows: ShiftCashFlows, countedCashSen: Sen): ShiftCount {
  assertSen(countedCashSen, "counted_cash_sen");
  if (countedCashSen < 0) throw new RangeError(`counted_cash_sen cannot be negative, got ${countedCashSen}`);
  const expected = expectedDrawerSen(flows);
  return { expected_cash_sen: expected, counted_cash_sen: countedCashSen, variance_sen: countedCashSen - expected };
}
