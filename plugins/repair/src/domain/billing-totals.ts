import { computeBillingTotals, type BillingTotals, type RepairLineKind, type ShopSettings } from "@voltura/domain";

/** The priced fields of a stored repair line (numeric columns may come back from SQL as strings). */
export interface StoredPricedLine {
  kind: RepairLineKind;
  quantity: number | string;
  unit_price_sen: number | string;
  hours: number | string | null;
  rate_sen: number | string | null;
  taxable: boolean;
  waived: boolean;
}

/** Hours are stored as a float column: read back to the 2 decimals they were given with. */
export function readHours(hours: number | string | null | undefined): number | null {
  return hours == null ? null : Math.round(Number(hours) * 100) / 100;
}

export function pricedLine(row: StoredPricedLine) {
  return {
    kind: row.kind,
    quantity: Number(row.quantity),
    unit_price_sen: Number(row.unit_price_sen),
    hours: readHours(row.hours),
    rate_sen: row.rate_sen == null ? null : Number(row.rate_sen),
    taxable: row.taxable,
    waived: row.waived,
  };
}

/** Totals of stored lines with the shop's tax settings and the job's deposit. */
export function totalsOf(lines: readonly StoredPricedLine[], settings: Pick<ShopSettings, "tax">, depositSen: number): BillingTotals {
  return computeBillingTotals(lines.map(pricedLine), settings.tax, depositSen);
}

/** Lines in the order they were added. */
export function byCreation<T extends { created_at: Date | string; id: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id));
}
