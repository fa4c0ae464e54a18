import { PAYMENT_METHODS, type PaymentMethod } from "@voltura/domain";
import { labelsByCode } from "$lib/i18n/labels-by-code";
import { parseMoneyInput } from "./money";
import { m } from "$lib/paraglide/messages.js";

export const PAYMENT_METHOD_LABELS = labelsByCode<PaymentMethod>({
  cash: m.job_pay_cash,
  card: m.job_pay_card,
  duitnow_qr: m.job_pay_duitnow_qr,
  ewallet: m.job_pay_ewallet,
  bank_transfer: m.job_pay_bank_transfer,
});

export { PAYMENT_METHODS };

export interface PaymentEntry {
  method: PaymentMethod;
  amountSen: number;
  reference?: string;
}

export interface PaymentTally {
  paidSen: number;
  /** Still to collect (0 once covered). */
  balanceSen: number;
  /** Cash handed back. */
  changeSen: number;
  /** Why the payments cannot be recorded as they are, or null when they can. */
  problem: string | null;
}

/**
 * The running figures of the pickup dialog. Payments must cover the amount due; only cash may go
 * over it (the excess is change), as the commerce core enforces.
 */
export function tallyPayments(dueSen: number, entries: readonly PaymentEntry[]): PaymentTally {
  const paid = entries.reduce((sum, e) => sum + e.amountSen, 0);
  const nonCash = entries.filter((e) => e.method !== "cash").reduce((sum, e) => sum + e.amountSen, 0);
  const balance = Math.max(0, dueSen - paid);
  if (nonCash > dueSen) {
    return { paidSen: paid, balanceSen: balance, changeSen: 0, problem: m.job_pay_only_cash_over() };
  }
  const change = Math.max(0, paid - dueSen);
  return { paidSen: paid, balanceSen: balance, changeSen: change, problem: balance > 0 ? m.job_pay_not_covered() : null };
}

/** Reads the pickup form's per-method amount fields (`amount_<method>`, `reference_<method>`). */
export function paymentsFromForm(get: (name: string) => string): { entries: PaymentEntry[]; errors: Record<string, string> } {
  const entries: PaymentEntry[] = [];
  const errors: Record<string, string> = {};
  for (const method of PAYMENT_METHODS) {
    const raw = get(`amount_${method}`).trim();
    if (!raw) continue;
    const sen = parseMoneyInput(raw);
    if (sen === null) {
      errors[`amount_${method}`] = m.job_pay_amount_invalid({ method: PAYMENT_METHOD_LABELS[method] });
      continue;
    }
    if (sen === 0) continue;
    const reference = get(`reference_${method}`).trim();
    entries.push({ method, amountSen: sen, ...(reference ? { reference } : {}) });
  }
  return { entries, errors };
}
