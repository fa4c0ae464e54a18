import { PAYMENT_METHODS } from "@voltura/domain";
import type { PaymentMethod, Sen } from "@voltura/domain";
import { cashRoundingAdjustmentSen } from "./cash-rounding.js";

export { PAYMENT_METHODS };
export type { PaymentMethod };

export interface TenderedPayment {
  method: PaymentMethod;
  /** What the customer handed over or the terminal charged, in sen. */
  amount_sen: Sen;
}

export interface SettlementError {
  /** The input at fault: "total_sen", "payments[2].amount_sen", "payments[0].method". */
  field: string;
  message: string;
}

export interface AppliedPayment extends TenderedPayment {
  /** What counts against the bill (cash net of change). */
  applied_sen: Sen;
}

export interface CounterSettlement {
  ok: boolean;
  errors: SettlementError[];
  /** Rounding of the cash portion (−2 … +2 sen); 0 unless cash settles what remains. */
  cash_rounding_adjustment_sen: Sen;
  /** The bill after cash rounding: total + adjustment. */
  rounded_total_sen: Sen;
  /** Everything tendered. */
  tendered_sen: Sen;
  /** What counts against the bill: tendered − change. */
  paid_sen: Sen;
  /** Cash handed back; only cash gives change. */
  change_sen: Sen;
  /** Still owed (partial payment). Never rounded: the rest may be paid by card later. */
  balance_due_sen: Sen;
  applied: AppliedPayment[];
}

const isMethod = (m: unknown): m is PaymentMethod => (PAYMENT_METHODS as readonly unknown[]).includes(m);

/**
 * Settles a counter bill paid by one or more methods.
 * - Non-cash payments (card, DuitNow QR, e-wallet, transfer) are exact and together may not exceed
 *   the total: the payment that crosses it is the field at fault.
 * - Cash covers what remains. When it covers all of it, that cash portion is rounded to 5 sen
 *   (BNM rule) and the adjustment is shown; the change is cash tendered − rounded portion.
 * - When the cash does not cover the remainder (a deposit, or no cash at all) nothing is rounded and
 *   the exact balance stays due.
 * With `roundCash: false` the cash part is taken exactly (a repair pickup settles its invoice to the sen).
 */
export function settlePayments(totalSen: Sen, payments: readonly TenderedPayment[], options: { roundCash?: boolean } = {}): CounterSettlement {
  const errors: SettlementError[] = [];
  if (!Number.isSafeInteger(totalSen) || totalSen < 0) {
    errors.push({ field: "total_sen", message: `total must be a non-negative integer of sen, got ${totalSen}` });
  }
  payments.forEach((p, i) => {
    if (!isMethod(p.method)) errors.push({ field: `payments[${i}].method`, message: `unknown payment method ${String(p.method)}` });
    if (!Number.isSafeInteger(p.amount_sen) || p.amount_sen <= 0) {
      errors.push({ field: `payments[${i}].amount_sen`, message: `amount must be a positive integer of sen, got ${p.amount_sen}` });
    }
  });
  const tendered = errors.length ? 0 : payments.reduce((sum, p) => sum + p.amount_sen, 0);
  if (errors.length) return failed(totalSen, tendered, payments, errors);

  let nonCash = 0;
  payments.forEach((p, i) => {
    if (p.method === "cash") return;
    nonCash += p.amount_sen;
    if (nonCash > totalSen && !errors.some((e) => e.field.endsWith(".amount_sen"))) {
      errors.push({
        field: `payments[${i}].amount_sen`,
        message: `${p.method} payment goes ${nonCash - totalSen} sen past the bill; only cash may exceed what remains`,
      });
    }
  });
  if (errors.length) return failed(totalSen, tendered, payments, errors);

  const remaining = totalSen - nonCash;
  const cash = tendered - nonCash;
  const hasCash = payments.some((p) => p.method === "cash");
  const adjustment = hasCash && options.roundCash !== false ? cashRoundingAdjustmentSen(remaining) : 0;
  const cashDue = remaining + adjustment;
  const coversCash = hasCash && cash >= cashDue;
  const appliedAdjustment = coversCash ? adjustment : 0;
  const change = coversCash ? cash - cashDue : 0;
  const balance = coversCash ? 0 : remaining - cash;

  let changeLeft = change;
  const applied = payments.map((p) => {
    if (p.method !== "cash" || changeLeft === 0) return { ...p, applied_sen: p.amount_sen };
    const back = Math.min(changeLeft, p.amount_sen);
    changeLeft -= back;
    return { ...p, applied_sen: p.amount_sen - back };
  });
  return {
    ok: true,
    errors: [],
    cash_rounding_adjustment_sen: appliedAdjustment,
    rounded_total_sen: totalSen + appliedAdjustment,
    tendered_sen: tendered,
    paid_sen: tendered - change,
    change_sen: change,
    balance_due_sen: balance,
    applied,
  };
}

function failed(totalSen: Sen, tendered: Sen, payments: readonly TenderedPayment[], errors: SettlementError[]): CounterSettlement {
  return {
    ok: false,
    errors,
    cash_rounding_adjustment_sen: 0,
    rounded_total_sen: totalSen,
    tendered_sen: tendered,
    paid_sen: 0,
    change_sen: 0,
    balance_due_sen: Number.isSafeInteger(totalSen) && totalSen > 0 ? totalSen : 0,
    applied: payments.map((p) => ({ ...p, applied_sen: 0 })),
  };
}
