import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { SHOP_CURRENCY, senToRinggit } from "@voltura/domain";

/** Mirrors money in (positive) or out (negative, refunds) on the sale's Medusa order; returns the transaction ids. */
export async function addOrderMoney(container: MedusaContainer, orderId: string | null, entries: Array<{ amount_sen: number; reference: string; reference_id: string }>): Promise<string[]> {
  if (!orderId || !entries.length) return [];
  const created = await container.resolve(Modules.ORDER).addOrderTransactions(
    entries.map((e) => ({ order_id: orderId, amount: senToRinggit(e.amount_sen), currency_code: SHOP_CURRENCY, reference: e.reference, reference_id: e.reference_id })),
  );
  return (Array.isArray(created) ? created : [created]).map((t) => t.id);
}

export async function removeOrderMoney(container: MedusaContainer, ids: string[] | undefined): Promise<void> {
  if (ids?.length) await container.resolve(Modules.ORDER).deleteOrderTransactions(ids);
}
