import { salesBuyerSchema, salesLineSchema, type SalesBuyer, type SalesBuyerInput, type SalesLine, type SalesLineInput } from "@voltura/contracts";
import { computeCartTotals, type CartTotals } from "@voltura/pos-rules";
import type { TaxSettings } from "@voltura/domain";

/** Lines and buyer are validated with the API's schemas (@voltura/contracts), one definition. */
export { salesLineSchema as documentLineSchema, salesBuyerSchema as buyerSchema };
export type DocumentLineInput = SalesLineInput;
export type DocumentLine = SalesLine;
export type BuyerInput = SalesBuyerInput;
export type Buyer = SalesBuyer;

export interface DocumentTotals {
  subtotal_sen: number;
  discount_sen: number;
  sst_sen: number;
  total_sen: number;
  /** Per line: net after discount, SST share and payable amount (same order as the lines). */
  lines: Array<{ net_sen: number; sst_rate_bp: number; sst_sen: number; total_sen: number }>;
  sst_by_rate: CartTotals["sst_by_rate"];
  prices_include_tax: boolean;
}

/**
 * Totals with the counter's rules (line discounts, SST once per rate group, half-up), so a
 * quotation, the invoice it becomes and a POS sale of the same lines always agree.
 * Throws RangeError naming `lines[i].discount` when a discount is bigger than its line.
 */
export function computeDocumentTotals(lines: readonly DocumentLine[], tax: TaxSettings): DocumentTotals {
  const totals = computeCartTotals({
    lines: lines.map((line, i) => ({
      id: String(i),
      unit_price_sen: line.unit_price_sen,
      quantity: line.quantity,
      discount: line.discount_sen > 0 ? { kind: "amount" as const, amount_sen: line.discount_sen } : null,
      taxable: line.taxable,
      sst_rate_bp: line.sst_rate_bp,
    })),
  }, tax);
  return {
    subtotal_sen: totals.subtotal_sen,
    discount_sen: totals.discount_sen,
    sst_sen: totals.sst_sen,
    total_sen: totals.total_sen,
    lines: totals.lines.map((l) => ({ net_sen: l.net_sen, sst_rate_bp: l.sst_rate_bp, sst_sen: l.sst_sen, total_sen: l.total_sen })),
    sst_by_rate: totals.sst_by_rate,
    prices_include_tax: tax.prices_include_tax,
  };
}
