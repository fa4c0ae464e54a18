import { PAYMENT_METHODS, type PaymentMethod } from "@voltura/domain";
import { settlePickupPayments } from "@voltura/pos-rules";
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
 * The running figures of the pickup dialog: the commerce core's own pickup settlement. Payments must
 * cover the amount due; only cash may go over it (the excess is change).
 */
export function tallyPayments(dueSen: number, entries: readonly PaymentEntry[]): PaymentTally {
  const s = settlePickupPayments(dueSen, entries.map((e) => ({ method: e.method, amount_sen: e.amountSen })));
  if (s.ok) return { paidSen: s.paid_sen, balanceSen: 0, changeSen: s.change_sen, problem: null };
  const problem = s.shortfall_sen > 0 ? m.job_pay_not_covered() : m.job_pay_only_cash_over();
  return { paidSen: s.paid_sen, balanceSen: s.shortfall_sen, changeSen: 0, problem };
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
