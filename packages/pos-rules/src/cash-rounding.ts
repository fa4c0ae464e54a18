import type { Sen } from "@voltura/domain";
import { assertSen } from "./sen.js";

/**
 * Bank Negara Malaysia rounding mechanism: the cash part of a bill is rounded to the nearest 5 sen.
 * Last digit 1, 2 → down to 0; 3, 4 → up to 5; 6, 7 → down to 5; 8, 9 → up to the next 10.
 * Negative amounts (cash refunds) round symmetrically: −0.03 → −0.05.
 */
export function roundCashSen(sen: Sen): Sen {
  assertSen(sen, "sen");
  const magnitude = Math.abs(sen);
  const remainder = magnitude % 5;
  const rounded = magnitude - remainder + (remainder >= 3 ? 5 : 0);
  return sen < 0 && rounded !== 0 ? -rounded : rounded;
}

/** What the receipt shows as "Rounding adj.": rounded − exact (−2 … +2 sen). */
export function cashRoundingAdjustmentSen(sen: Sen): Sen {
  const adjustment = roundCashSen(sen) - sen;
  return adjustment === 0 ? 0 : adjustment;
}
