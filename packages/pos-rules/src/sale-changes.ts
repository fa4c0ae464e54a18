import type { Sen } from "@voltura/domain";
import type { CounterSettlement } from "./payments.js";
import { lineRefundSen } from "./refunds.js";

/**
 * Crash consistency of later writes on a counter sale (a balance payment, a return). Each commits in
 * one database transaction under the sale's row lock, together with its idempotency record (the key
 * on its rows, with a fingerprint of the request). What lies outside that transaction (the money on
 * the Medusa order, the event, the audit row) is an outbox of rows finished afterwards under a lease,
 * by the request, by a retry with the key, or by the recovery job.
 */

/** Whether a sale takes a later write: "open" (completed), "in_progress" (committed, its order still on its way), "missing". */
export type SaleChangeGate = "open" | "in_progress" | "missing";

export function saleChangeGate(status: string | null | undefined): SaleChangeGate {
  if (status === "completed") return "open";
  if (status === "committed") return "in_progress";
  return "missing";
}

/**
 * What a payment or return sent with a key does, given what the key recorded before (read under the
 * sale's lock, so two copies of one request are decided one after the other):
 * - `proceed`: the key is new;
 * - `replay`: the same request (same fingerprint) was done: answer its result, do nothing again;
 * - `reused`: the key was used for another request (409 `idempotency_key_reused`).
 * Rows recorded before requests were fingerprinted (no hash) are replayed, as they always were.
 */
export type KeyedChangeDecision = "proceed" | "replay" | "reused";

export function decideKeyedChange(stored: { request_hash: string | null } | null, requestHash: string): KeyedChangeDecision {
  if (!stored) return "proceed";
  if (stored.request_hash === null || stored.request_hash === requestHash) return "replay";
  return "reused";
}

/** How long whoever runs an outbox row (the request, a retry, the recovery) owns it: as long as a checkout's lease. */
export const SALE_OUTBOX_LEASE_MS = 30_000;

/**
 * Of several records of one thing (order transactions carrying one payment's id), the oldest is
 * kept and the others removed: two holders that raced past an expired lease converge on one.
 */
export function keepOldest<T extends { id: string; created_at: Date }>(records: readonly T[]): { keep: T | null; remove: T[] } {
  const sorted = [...records].sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id));
  return { keep: sorted[0] ?? null, remove: sorted.slice(1) };
}

/** How a balance payment moves the sale's money columns (signed amounts, added in one UPDATE). */
export interface SaleAmountsChange {
  paid_sen: Sen;
  balance_due_sen: Sen;
  tendered_sen: Sen;
  change_sen: Sen;
  cash_rounding_sen: Sen;
  rounded_total_sen: Sen;
}

/** A settled payment of `dueSen` (settlePayments(dueSen, …)) as a change of the sale's amounts; the cash rounding moves the rounded total too. */
export function balancePaymentChange(dueSen: Sen, settlement: Pick<CounterSettlement, "paid_sen" | "balance_due_sen" | "tendered_sen" | "change_sen" | "cash_rounding_adjustment_sen">): SaleAmountsChange {
  return {
    paid_sen: settlement.paid_sen,
    balance_due_sen: settlement.balance_due_sen - dueSen,
    tendered_sen: settlement.tendered_sen,
    change_sen: settlement.change_sen,
    cash_rounding_sen: settlement.cash_rounding_adjustment_sen,
    rounded_total_sen: settlement.cash_rounding_adjustment_sen,
  };
}

export interface ReturnableLine {
  id: string;
  title: string;
  quantity: number;
  total_sen: Sen;
  returned_quantity: number;
}

export type ReturnLinesPlan =
  | { ok: true; lines: Array<{ line_id: string; quantity: number; refund_sen: Sen; title: string }>; refund_sen: Sen }
  | { ok: false; code: "unknown_line" | "over_return"; index: number; field: string; available: number };

/**
 * The lines a return takes back and each one's refund (its share of what was paid, lineRefundSen),
 * against the sale's lines as they are now. A line named twice counts once after the other, so the
 * shares still add up to the line's total. Fails on the first line that is not the sale's or has
 * fewer units left than asked.
 */
export function planReturnLines(saleLines: readonly ReturnableLine[], wanted: ReadonlyArray<{ line_id: string; quantity: number }>): ReturnLinesPlan {
  const returned = new Map(saleLines.map((l) => [l.id, l.returned_quantity]));
  const lines: Array<{ line_id: string; quantity: number; refund_sen: Sen; title: string }> = [];
  for (const [index, w] of wanted.entries()) {
    const line = saleLines.find((l) => l.id === w.line_id);
    if (!line) return { ok: false, code: "unknown_line", index, field: `lines.${index}.line_id`, available: 0 };
    const before = returned.get(line.id)!;
    const available = line.quantity - before;
    if (w.quantity > available) return { ok: false, code: "over_return", index, field: `lines.${index}.quantity`, available };
    const refund = lineRefundSen({ quantity: line.quantity, total_sen: line.total_sen, returned_quantity: before }, w.quantity);
    returned.set(line.id, before + w.quantity);
    lines.push({ line_id: line.id, quantity: w.quantity, refund_sen: refund, title: line.title });
  }
  return { ok: true, lines, refund_sen: lines.reduce((sum, l) => sum + l.refund_sen, 0) };
}

/** The most a cash sale's 5-sen rounding can take off what was paid. */
export const CASH_ROUNDING_TOLERANCE_SEN = 2;

/**
 * A return's refund against what was paid and not yet refunded. Line shares add up to the sale's
 * total, but a cash sale rounded down was paid up to 2 sen less: the return that brings the last
 * units back is then capped at what is left (the last lines give up the difference), instead of
 * being refused. More than that over what is left is still refused.
 */
export function fitRefundToPaid<L extends { refund_sen: Sen }>(lines: readonly L[], refundableSen: Sen): { ok: true; lines: L[]; refund_sen: Sen } | { ok: false } {
  const asked = lines.reduce((sum, l) => sum + l.refund_sen, 0);
  const excess = asked - Math.max(refundableSen, 0);
  if (excess <= 0) return { ok: true, lines: [...lines], refund_sen: asked };
  if (excess > CASH_ROUNDING_TOLERANCE_SEN) return { ok: false };
  let left = excess;
  const fitted = [...lines].reverse().map((l) => {
    const cut = Math.min(left, l.refund_sen);
    left -= cut;
    return { ...l, refund_sen: l.refund_sen - cut };
  }).reverse();
  return { ok: true, lines: fitted, refund_sen: asked - excess };
}
