import { divideRoundHalfUp } from "@voltura/domain";
import { z } from "zod";

/** A discount as keyed at the counter: a fixed amount in sen or a percentage in basis points (10% = 1000). */
export const discountSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("amount"), amount_sen: z.number().int().nonnegative() }),
  z.object({ kind: z.literal("percent"), percent_bp: z.number().int().min(0).max(10_000) }),
]);
export type Discount = z.infer<typeof discountSchema>;

export interface DiscountLimit {
  /** Highest percentage a cashier may give alone, in basis points; null = no percentage limit. */
  max_percent_bp: number | null;
  /** Highest amount a cashier may give alone, in sen; null = no amount limit. */
  max_amount_sen: number | null;
}

export interface DiscountApprovalLimits {
  line: DiscountLimit;
  cart: DiscountLimit;
}

export interface DiscountUnderReview {
  scope: "line" | "cart";
  discount: Discount;
  /** What the discount comes off (the line after quantity, or the cart after line discounts), in sen. */
  base_sen: number;
}

export interface ApprovalDecision {
  required: boolean;
  /** Which limits the discount goes above (equal to the limit is allowed). */
  exceeded: Array<"percent" | "amount">;
  /** The discount in sen, as it will be applied. */
  discount_sen: number;
}

/** A percent discount in sen, half-up, the same figure the cart applies. */
export function discountSen(discount: Discount, baseSen: number): number {
  if (discount.kind === "amount") return discount.amount_sen;
  return divideRoundHalfUp(baseSen * discount.percent_bp, 10_000);
}

/**
 * Whether a line or cart discount needs a manager: it does when it is above either the percentage
 * or the amount limit for its scope. Fixed amounts are also checked as a percentage of their base,
 * and percentages as an amount, compared in integers (no division).
 */
export function needsManagerApproval(input: DiscountUnderReview, limits: DiscountApprovalLimits): ApprovalDecision {
  const discount = discountSchema.parse(input.discount);
  if (!Number.isSafeInteger(input.base_sen) || input.base_sen < 0) throw new RangeError(`base_sen must be a non-negative integer, got ${input.base_sen}`);
  const limit = limits[input.scope];
  const amount = discountSen(discount, input.base_sen);
  const exceeded: Array<"percent" | "amount"> = [];
  if (limit.max_percent_bp !== null) {
    const above = discount.kind === "percent"
      ? discount.percent_bp > limit.max_percent_bp
      : amount * 10_000 > limit.max_percent_bp * input.base_sen;
    if (above) exceeded.push("percent");
  }
  if (limit.max_amount_sen !== null && amount > limit.max_amount_sen) exceeded.push("amount");
  return { required: exceeded.length > 0, exceeded, discount_sen: amount };
}
