import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { ringgitToSen, senToRinggit } from "@voltura/domain";
import { posInvalid } from "./errors";

export interface PromotionItem {
  id: string;
  product_id: string;
  quantity: number;
  /** What the line comes to after its own discount, in sen: the promotion applies to that. */
  subtotal_sen: number;
}

export interface LinePromotion {
  amount_sen: number;
  code: string;
  promotion_id: string | null;
}

/**
 * Promotion amounts per line from Medusa's promotion module: unknown or inactive codes are a 400
 * naming the code; the module's own rules (targets, budgets, limits) decide what each line gets.
 * Automatic promotions are not applied at the counter (the cashier keys codes).
 */
export async function computeLinePromotions(container: MedusaContainer, codes: string[], items: PromotionItem[], customerId: string | null): Promise<Map<string, LinePromotion>> {
  const out = new Map<string, LinePromotion>();
  if (!codes.length || !items.length) return out;
  const promotions = container.resolve(Modules.PROMOTION);
  const found = await promotions.listPromotions({ code: codes }, { select: ["id", "code", "status"] });
  const byCode = new Map(found.map((p) => [String(p.code).toUpperCase(), p]));
  codes.forEach((code, i) => {
    const promotion = byCode.get(code.toUpperCase());
    if (!promotion || (promotion.status && promotion.status !== "active")) {
      throw posInvalid(`Invalid request: promo_codes.${i}: no active promotion "${code}"`, { field: `promo_codes.${i}` });
    }
  });
  const actions = await promotions.computeActions(
    found.map((p) => String(p.code)),
    {
      currency_code: "myr",
      ...(customerId ? { customer: { id: customerId } } : {}),
      items: items.map((item) => ({
        id: item.id,
        quantity: item.quantity,
        subtotal: senToRinggit(item.subtotal_sen),
        original_total: senToRinggit(item.subtotal_sen),
        is_discountable: true,
        product: { id: item.product_id },
      })),
      shipping_methods: [],
    },
    { prevent_auto_promotions: true },
  );
  for (const action of actions) {
    if (action.action !== "addItemAdjustment") continue;
    const item = items.find((i) => i.id === action.item_id);
    if (!item) continue;
    const previous = out.get(item.id)?.amount_sen ?? 0;
    const amount = Math.min(item.subtotal_sen, previous + ringgitToSen(Number(action.amount)));
    const promotion = byCode.get(action.code.toUpperCase());
    out.set(item.id, { amount_sen: amount, code: action.code, promotion_id: promotion?.id ?? null });
  }
  return out;
}
