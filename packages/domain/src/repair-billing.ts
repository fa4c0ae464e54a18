import { z } from "zod";
import type { Sen } from "./money.js";

/** What a repair job bills: parts from stock, labour (hourly or fixed), fees (the diagnostic fee). */
export const REPAIR_LINE_KINDS = ["part", "labour", "fee"] as const;
export const repairLineKindSchema = z.enum(REPAIR_LINE_KINDS);
export type RepairLineKind = z.infer<typeof repairLineKindSchema>;

/** Part grades as the counter explains them: original (genuine), OEM (same factory), compatible (third party). */
export const PART_GRADES = ["original", "oem", "compatible"] as const;
export const partGradeSchema = z.enum(PART_GRADES);
export type PartGrade = z.infer<typeof partGradeSchema>;

export const FEE_TYPES = ["diagnostic"] as const;
export const feeTypeSchema = z.enum(FEE_TYPES);
export type FeeType = z.infer<typeof feeTypeSchema>;

export const QUOTE_STATUSES = ["draft", "sent", "approved", "rejected"] as const;
export const quoteStatusSchema = z.enum(QUOTE_STATUSES);
export type QuoteStatus = z.infer<typeof quoteStatusSchema>;

export const DECISION_CHANNELS = ["counter", "whatsapp"] as const;
export const decisionChannelSchema = z.enum(DECISION_CHANNELS);
export type DecisionChannel = z.infer<typeof decisionChannelSchema>;

export const PAYMENT_METHODS = ["cash", "card", "duitnow_qr", "ewallet", "bank_transfer"] as const;
export const paymentMethodSchema = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/** The fields of a line that decide its amount. Hours are decimal (1.5 h), limited to 2 places. */
export interface PricedLine {
  kind: RepairLineKind;
  quantity: number;
  unit_price_sen: Sen;
  /** Hourly labour only: hours × rate_sen. Fixed labour, parts and fees use quantity × unit_price_sen. */
  hours?: number | null;
  rate_sen?: Sen | null;
  taxable: boolean;
  waived: boolean;
}

export interface TaxSettings {
  sst_rate_bp: number;
  exempt: boolean;
  prices_include_tax: boolean;
}

/** n / d rounded half-up to an integer, for n ≥ 0 and d > 0, in integer arithmetic (no float drift). */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new RangeError(`divideRoundHalfUp needs a non-negative integer over a positive integer, got ${numerator}/${denominator}`);
  }
  return Math.floor((numerator * 2 + denominator) / (denominator * 2));
}

/** Hours as hundredths (1.5 → 150); refuses more than 2 decimal places. */
export function hoursToHundredths(hours: number): number {
  const hundredths = Math.round(hours * 100);
  if (hours < 0 || Math.abs(hundredths - hours * 100) > 1e-6) throw new RangeError(`hours must be ≥ 0 with at most 2 decimals, got ${hours}`);
  return hundredths;
}

/** The line's amount before waiver, in sen. */
export function lineGrossSen(line: Pick<PricedLine, "kind" | "quantity" | "unit_price_sen" | "hours" | "rate_sen">): Sen {
  if (line.kind === "labour" && line.hours != null && line.rate_sen != null) {
    return divideRoundHalfUp(hoursToHundredths(line.hours) * line.rate_sen, 100);
  }
  return line.quantity * line.unit_price_sen;
}

/** What the line adds to the bill: zero when waived. */
export function lineAmountSen(line: PricedLine): Sen {
  return line.waived ? 0 : lineGrossSen(line);
}

export interface BillingTotals {
  /** Sum of line amounts net of SST. */
  subtotal_sen: Sen;
  /** The amount SST was computed on (net). */
  taxable_sen: Sen;
  sst_sen: Sen;
  /** What the customer owes for the job, SST included. */
  total_sen: Sen;
  /** Sum of waived lines' amounts (shown on the quote as a saving). */
  waived_sen: Sen;
  /** The deposit taken at intake that counts against this total (never more than the total). */
  deposit_applied_sen: Sen;
  /** Deposit beyond the total, owed back to the customer. */
  deposit_refund_sen: Sen;
  amount_due_sen: Sen;
}

/**
 * Totals of a job's lines. SST is computed once on the sum of taxable lines (not per line) and
 * rounded half-up to the sen, so Medusa's unrounded per-line tax sums to the same figure ± ½ sen.
 * Tax-exclusive prices add SST on top; tax-inclusive prices carry it (SST = gross × r / (1 + r)).
 * A tax-exempt shop charges none either way.
 */
export function computeBillingTotals(lines: readonly PricedLine[], tax: TaxSettings, depositSen: Sen = 0): BillingTotals {
  if (!Number.isSafeInteger(depositSen) || depositSen < 0) throw new RangeError(`deposit must be a non-negative integer of sen, got ${depositSen}`);
  let gross = 0;
  let taxableGross = 0;
  let waived = 0;
  for (const line of lines) {
    const amount = lineAmountSen(line);
    gross += amount;
    if (line.taxable) taxableGross += amount;
    if (line.waived) waived += lineGrossSen(line);
  }
  const rate = tax.exempt ? 0 : tax.sst_rate_bp;
  let sst: number;
  let subtotal: number;
  let taxable: number;
  let total: number;
  if (tax.prices_include_tax) {
    sst = divideRoundHalfUp(taxableGross * rate, 10_000 + rate);
    total = gross;
    subtotal = gross - sst;
    taxable = taxableGross - sst;
  } else {
    sst = divideRoundHalfUp(taxableGross * rate, 10_000);
    subtotal = gross;
    taxable = taxableGross;
    total = gross + sst;
  }
  const depositApplied = Math.min(depositSen, total);
  return {
    subtotal_sen: subtotal,
    taxable_sen: taxable,
    sst_sen: sst,
    total_sen: total,
    waived_sen: waived,
    deposit_applied_sen: depositApplied,
    deposit_refund_sen: depositSen - depositApplied,
    amount_due_sen: total - depositApplied,
  };
}

/**
 * Which lines an approval waives: the diagnostic fee, when the shop waives it on approval.
 * Returns the ids of lines to mark waived (already-waived ones are left alone).
 */
export function linesToWaiveOnApproval<L extends { id: string; kind: RepairLineKind; fee_type?: FeeType | null; waived: boolean }>(
  lines: readonly L[],
  settings: { waive_diagnostic_fee_on_approval: boolean },
): string[] {
  if (!settings.waive_diagnostic_fee_on_approval) return [];
  return lines.filter((l) => l.kind === "fee" && l.fee_type === "diagnostic" && !l.waived).map((l) => l.id);
}

/** Invoice numbers run per year in their own series: INV-2026-000001. */
export function formatInvoiceNumber(year: number, sequence: number, prefix = "INV"): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`bad year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence ${sequence}`);
  return `${prefix}-${year}-${String(sequence).padStart(6, "0")}`;
}

export function parseInvoiceNumber(value: string): { prefix: string; year: number; sequence: number } | null {
  const m = /^(INV)-(\d{4})-(\d{6,})$/.exec(value.trim().toUpperCase());
  if (!m) return null;
  return { prefix: m[1]!, year: Number(m[2]), sequence: Number(m[3]) };
}

/**
 * What the job workspace's parts and labour search reads from Medusa's product catalogue
 * (catalogue, price and stock at the shop). The console asks for exactly these, and commerce's
 * core-route allowlist opens `GET /admin/products` only for exactly these.
 */
export const PARTS_SEARCH_PRODUCT_FIELDS = [
  "id",
  "title",
  "metadata",
  "variants.id",
  "variants.sku",
  "variants.title",
  "variants.manage_inventory",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.inventory_items.inventory.location_levels.location_id",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
  "variants.inventory_items.inventory.location_levels.available_quantity",
] as const;
