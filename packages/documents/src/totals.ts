import type { DocumentLine, DocumentTax } from "./schemas.js";

/** n / d rounded half up, in integers (no float drift); n ≥ 0, d > 0. */
function divideRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((numerator * 2 + denominator) / (denominator * 2));
}

/** What one line costs before any waiver, in sen (hours × rate rounded half up to the sen). */
export function lineAmountSen(line: DocumentLine): number {
  switch (line.kind) {
    case "part":
      return line.quantity * line.unit_price_sen;
    case "labour_hourly":
      return divideRoundHalfUp(Math.round(line.hours * 100) * line.hourly_rate_sen, 100);
    case "labour_fixed":
    case "fee":
      return line.amount_sen;
  }
}

export interface DocumentTotals {
  /** Charged (not waived) lines net of SST. */
  subtotal_sen: number;
  /** What the waived lines would have cost. */
  waived_sen: number;
  /** null when the shop is SST-exempt. */
  sst_sen: number | null;
  sst_rate_bp: number;
  total_sen: number;
}

/**
 * Subtotal, SST and total, by the same rule as the billing code in @voltura/domain: SST once on the
 * sum of the taxable charged lines, rounded half up to the sen. With tax-inclusive prices the SST is
 * carried inside the total (gross × r / (1 + r)) and the subtotal is net of it.
 */
export function computeTotals(lines: readonly DocumentLine[], tax: DocumentTax): DocumentTotals {
  let gross = 0;
  let taxableGross = 0;
  let waived = 0;
  for (const line of lines) {
    const amount = lineAmountSen(line);
    if (line.waived) {
      waived += amount;
      continue;
    }
    gross += amount;
    if (line.taxable) taxableGross += amount;
  }
  if (tax.exempt) return { subtotal_sen: gross, waived_sen: waived, sst_sen: null, sst_rate_bp: 0, total_sen: gross };
  const rate = tax.sst_rate_bp;
  if (tax.prices_include_tax) {
    const sst = divideRoundHalfUp(taxableGross * rate, 10_000 + rate);
    return { subtotal_sen: gross - sst, waived_sen: waived, sst_sen: sst, sst_rate_bp: rate, total_sen: gross };
  }
  const sst = divideRoundHalfUp(taxableGross * rate, 10_000);
  return { subtotal_sen: gross, waived_sen: waived, sst_sen: sst, sst_rate_bp: rate, total_sen: gross + sst };
}

/** "8%" or "6.5%". */
export function formatRate(bp: number): string {
  return `${Number((bp / 100).toFixed(2))}%`;
}
