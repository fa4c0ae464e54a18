import type { PaymentMethod, Sen } from "@voltura/domain";
import { assertSen } from "./sen.js";

/** A refund above this needs a manager unless the shop sets another limit: RM 200. */
export const DEFAULT_REFUND_APPROVAL_LIMIT_SEN = 20_000;

export interface RefundTender {
  method: PaymentMethod;
  /** What the tender counts against the bill, in sen (cash net of change). */
  amount_sen: Sen;
}

export interface EarlierRefund {
  method: PaymentMethod;
  refund_sen: Sen;
}

export interface RefundUnderReview {
  refund_sen: Sen;
  /** The method asked for; null lets the rule pick the tender-following one. */
  method: PaymentMethod | null;
  /** How the sale was paid (checkout and later balance payments). */
  tenders: readonly RefundTender[];
  /** Refunds already made on the sale. */
  earlier_refunds: readonly EarlierRefund[];
  /** Above this a manager must approve; null = no limit. */
  limit_sen: Sen | null;
}

export type RefundRuleReason =
  | { code: "method_not_tendered"; method: PaymentMethod; tendered: PaymentMethod[]; message: string }
  | { code: "method_exceeds_tender"; method: PaymentMethod; available_sen: Sen; refund_sen: Sen; message: string }
  | { code: "above_refund_limit"; limit_sen: Sen; refund_sen: Sen; message: string };

export interface RefundRuleDecision {
  /** The method the refund goes back by (the one asked for, or the tender-following default). */
  method: PaymentMethod;
  /** The tender-following method: the original tender with the most left to refund. */
  default_method: PaymentMethod | null;
  approval_required: boolean;
  reasons: RefundRuleReason[];
  /** What is left to refund per tendered method, in sen. */
  available_by_method: Partial<Record<PaymentMethod, Sen>>;
}

const ringgit = (sen: number) => `RM ${(sen / 100).toFixed(2)}`;

/** Paid minus already refunded per method, in the order the methods were first tendered. */
export function refundableByMethod(tenders: readonly RefundTender[], earlier: readonly EarlierRefund[]): Map<PaymentMethod, Sen> {
  const left = new Map<PaymentMethod, Sen>();
  for (const t of tenders) {
    assertSen(t.amount_sen, "tenders.amount_sen");
    left.set(t.method, (left.get(t.method) ?? 0) + t.amount_sen);
  }
  for (const r of earlier) {
    assertSen(r.refund_sen, "earlier_refunds.refund_sen");
    if (left.has(r.method)) left.set(r.method, Math.max(0, left.get(r.method)! - r.refund_sen));
  }
  return left;
}

/**
 * Whether a refund needs a manager. A refund follows the original tender: it goes back by a method
 * the customer paid with, and no more than is left of that method. Cash out of the drawer for a
 * card sale, or more than was paid in cash, needs a manager; so does any refund above the limit
 * (equal to the limit is allowed). Without a method asked for, the tender with the most left to
 * refund is used (the first tendered on a tie).
 */
export function checkRefundRules(input: RefundUnderReview): RefundRuleDecision {
  assertSen(input.refund_sen, "refund_sen");
  if (input.refund_sen < 0) throw new RangeError(`refund_sen cannot be negative, got ${input.refund_sen}`);
  if (input.limit_sen !== null) assertSen(input.limit_sen, "limit_sen");
  const left = refundableByMethod(input.tenders, input.earlier_refunds);
  let defaultMethod: PaymentMethod | null = null;
  for (const [method, sen] of left) if (defaultMethod === null || sen > left.get(defaultMethod)!) defaultMethod = method;

  const method = input.method ?? defaultMethod;
  if (method === null) throw new RangeError("the sale has no tenders: choose a refund method");
  const reasons: RefundRuleReason[] = [];
  const tendered = [...left.keys()];
  if (!left.has(method)) {
    reasons.push({
      code: "method_not_tendered", method, tendered,
      message: `The sale was paid by ${tendered.join(", ") || "nothing"}: a refund by ${method} needs a manager`,
    });
  } else if (input.refund_sen > left.get(method)!) {
    const available = left.get(method)!;
    reasons.push({
      code: "method_exceeds_tender", method, available_sen: available, refund_sen: input.refund_sen,
      message: `Only ${ringgit(available)} was paid by ${method} and not yet refunded: refunding ${ringgit(input.refund_sen)} that way needs a manager`,
    });
  }
  if (input.limit_sen !== null && input.refund_sen > input.limit_sen) {
    reasons.push({
      code: "above_refund_limit", limit_sen: input.limit_sen, refund_sen: input.refund_sen,
      message: `A refund above ${ringgit(input.limit_sen)} needs a manager`,
    });
  }
  return {
    method,
    default_method: defaultMethod,
    approval_required: reasons.length > 0,
    reasons,
    available_by_method: Object.fromEntries(left) as Partial<Record<PaymentMethod, Sen>>,
  };
}
