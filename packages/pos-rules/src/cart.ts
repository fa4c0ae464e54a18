import { computeBillingTotals } from "@voltura/domain";
import type { Sen, TaxSettings } from "@voltura/domain";
import { z } from "zod";
import { discountSchema, discountSen } from "./discount-approval.js";

export const cartLineSchema = z.object({
  id: z.string().min(1),
  unit_price_sen: z.number().int().nonnegative(),
  quantity: z.number().int().positive(),
  discount: discountSchema.nullish(),
  /** Promotion amount (Medusa's promotion module) off this line after its own discount, in sen. */
  promotion_sen: z.number().int().nonnegative().nullish(),
  /** false = SST-exempt item (no SST whatever the rate). */
  taxable: z.boolean(),
  /** The item's own SST rate (e.g. 600 services, 1000 goods); absent = the shop's rate. */
  sst_rate_bp: z.number().int().min(0).max(10_000).nullish(),
});
export type CartLine = z.infer<typeof cartLineSchema>;

export const cartSchema = z.object({
  lines: z.array(cartLineSchema),
  discount: discountSchema.nullish(),
});
export type Cart = z.infer<typeof cartSchema>;

export interface CartLineTotals {
  id: string;
  /** unit price × quantity, as priced (SST included when the shop prices tax-inclusive). */
  gross_sen: Sen;
  line_discount_sen: Sen;
  promotion_sen: Sen;
  /** This line's share of the cart discount. */
  cart_discount_sen: Sen;
  /** gross − both discounts: what SST is worked out from. */
  net_sen: Sen;
  sst_rate_bp: number;
  /** This line's share of its rate group's SST (shares sum to the group's SST exactly). */
  sst_sen: Sen;
  /** What the customer pays for this line (net, plus its SST share when prices exclude SST). */
  total_sen: Sen;
}

export interface SstByRate {
  sst_rate_bp: number;
  /** Net of SST: what the tax was charged on. */
  taxable_sen: Sen;
  sst_sen: Sen;
}

export interface CartTotals {
  lines: CartLineTotals[];
  /** Sum of gross line amounts, as priced. */
  subtotal_sen: Sen;
  line_discount_sen: Sen;
  promotion_discount_sen: Sen;
  cart_discount_sen: Sen;
  discount_sen: Sen;
  sst_sen: Sen;
  sst_by_rate: SstByRate[];
  /** True when the SST is already inside the prices (receipt says "SST included"). */
  sst_included: boolean;
  /** What the customer pays before cash rounding. */
  total_sen: Sen;
  total_excluding_sst_sen: Sen;
}

/**
 * Splits `amount` over `weights` pro rata, each share floored to the sen; the sen left over go to
 * the largest weight (first one on a tie), spilling to the next largest only if a share would pass
 * its own weight. The shares always sum to `amount` exactly. Needs 0 ≤ amount ≤ sum(weights).
 */
export function allocateProRata(amount: Sen, weights: readonly Sen[]): Sen[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > total) {
    throw new RangeError(`cannot spread ${amount} sen over weights summing to ${total}`);
  }
  if (amount === 0) return weights.map(() => 0);
  const shares = weights.map((w) => Math.floor((amount * w) / total));
  let left = amount - shares.reduce((sum, s) => sum + s, 0);
  const byWeight = weights.map((w, i) => i).sort((a, b) => weights[b]! - weights[a]! || a - b);
  for (const i of byWeight) {
    if (left === 0) break;
    const room = weights[i]! - shares[i]!;
    const take = Math.min(room, left);
    shares[i]! += take;
    left -= take;
  }
  return shares;
}

/** SST on one rate group, rounded exactly as repair billing rounds it (once on the group, half-up). */
function sstOnGroup(amountSen: Sen, rateBp: number, pricesIncludeTax: boolean): Sen {
  const totals = computeBillingTotals(
    [{ kind: "part", quantity: 1, unit_price_sen: amountSen, taxable: true, waived: false }],
    { sst_rate_bp: rateBp, exempt: false, prices_include_tax: pricesIncludeTax },
  );
  return totals.sst_sen;
}

/**
 * Cart totals at the counter. Order and rounding points:
 * 1. gross = unit × qty (exact);
 * 2. line discount: amount as keyed, or percent of gross rounded half-up to the sen, then the
 *    line's promotion amount (computed by Medusa's promotion module);
 * 3. cart discount: amount, or percent of (Σ gross − line discounts) rounded half-up, then spread
 *    over lines pro rata (floors, remainder on the largest line) so it sums exactly;
 * 4. SST once per rate group on the discounted lines (not per line), half-up, as repair billing does:
 *    exclusive prices add net × r; inclusive prices carry gross × r / (1 + r). Exempt shop or items: none.
 * Discounts above what they come off are refused (RangeError) rather than silently capped.
 */
export function computeCartTotals(cartInput: Cart, tax: TaxSettings): CartTotals {
  const cart = cartSchema.parse(cartInput);
  const gross = cart.lines.map((l) => l.unit_price_sen * l.quantity);
  const lineDiscounts = cart.lines.map((line, i) => {
    const amount = line.discount ? discountSen(line.discount, gross[i]!) : 0;
    if (amount > gross[i]!) throw new RangeError(`lines[${i}].discount: ${amount} sen is more than the line's ${gross[i]} sen`);
    return amount;
  });
  const promotions = cart.lines.map((line, i) => {
    const amount = line.promotion_sen ?? 0;
    if (amount > gross[i]! - lineDiscounts[i]!) throw new RangeError(`lines[${i}].promotion_sen: ${amount} sen is more than what is left of the line`);
    return amount;
  });
  const afterLine = gross.map((g, i) => g - lineDiscounts[i]! - promotions[i]!);
  const afterLineTotal = afterLine.reduce((sum, a) => sum + a, 0);
  const cartDiscount = cart.discount ? discountSen(cart.discount, afterLineTotal) : 0;
  if (cartDiscount > afterLineTotal) throw new RangeError(`discount: ${cartDiscount} sen is more than the cart's ${afterLineTotal} sen`);
  const cartShares = allocateProRata(cartDiscount, afterLine);

  const lines: CartLineTotals[] = cart.lines.map((line, i) => ({
    id: line.id,
    gross_sen: gross[i]!,
    line_discount_sen: lineDiscounts[i]!,
    promotion_sen: promotions[i]!,
    cart_discount_sen: cartShares[i]!,
    net_sen: afterLine[i]! - cartShares[i]!,
    sst_rate_bp: tax.exempt || !line.taxable ? 0 : (line.sst_rate_bp ?? tax.sst_rate_bp),
    sst_sen: 0,
    total_sen: afterLine[i]! - cartShares[i]!,
  }));

  const groups = new Map<number, Sen>();
  for (const line of lines) {
    if (line.sst_rate_bp > 0) groups.set(line.sst_rate_bp, (groups.get(line.sst_rate_bp) ?? 0) + line.net_sen);
  }
  const sstByRate: SstByRate[] = [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rate, amount]) => {
      const sst = sstOnGroup(amount, rate, tax.prices_include_tax);
      return { sst_rate_bp: rate, sst_sen: sst, taxable_sen: tax.prices_include_tax ? amount - sst : amount };
    });

  for (const group of sstByRate) {
    const members = lines.filter((l) => l.sst_rate_bp === group.sst_rate_bp);
    const shares = allocateProRata(group.sst_sen, members.map((l) => l.net_sen));
    members.forEach((l, i) => {
      l.sst_sen = shares[i]!;
      if (!tax.prices_include_tax) l.total_sen = l.net_sen + l.sst_sen;
    });
  }

  const subtotal = gross.reduce((sum, g) => sum + g, 0);
  const lineDiscountTotal = lineDiscounts.reduce((sum, d) => sum + d, 0);
  const promotionTotal = promotions.reduce((sum, d) => sum + d, 0);
  const net = subtotal - lineDiscountTotal - promotionTotal - cartDiscount;
  const sst = sstByRate.reduce((sum, g) => sum + g.sst_sen, 0);
  const total = tax.prices_include_tax ? net : net + sst;
  return {
    lines,
    subtotal_sen: subtotal,
    line_discount_sen: lineDiscountTotal,
    promotion_discount_sen: promotionTotal,
    cart_discount_sen: cartDiscount,
    discount_sen: lineDiscountTotal + promotionTotal + cartDiscount,
    sst_sen: sst,
    sst_by_rate: sstByRate,
    sst_included: tax.prices_include_tax && sst > 0,
    total_sen: total,
    total_excluding_sst_sen: total - sst,
  };
}
