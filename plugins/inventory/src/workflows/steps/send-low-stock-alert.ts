import type { MedusaContainer } from "@medusajs/framework/types";
import { shopDayOf } from "@voltura/domain";
import { alertStaffOnWhatsApp } from "@voltura/medusa-kit";
import type { LowStockEventData } from "./apply-ledger";
import { loadItemInfo, locationNames } from "./item-info";

export function lowStockAlertKey(itemId: string, locationId: string, at: Date): string {
  return `low-stock:${itemId}:${locationId}:${shopDayOf(at)}`;
}

export function lowStockAlertText(alert: { title: string; sku: string | null; location: string; on_hand: number; threshold: number }): string {
  return `Low stock: ${alert.title}${alert.sku ? ` (${alert.sku})` : ""} at ${alert.location} is down to ${alert.on_hand} (threshold ${alert.threshold}). Reorder from Inventory → Purchase orders.`;
}

/**
 * Tells owners and managers on WhatsApp that an item fell below its threshold: one key per item,
 * location and shop day, so a second crossing the same day sends nothing.
 */
export async function sendLowStockAlert(container: MedusaContainer, alert: LowStockEventData, now = new Date()): Promise<number> {
  const [info, names] = await Promise.all([loadItemInfo(container, [alert.inventory_item_id]), locationNames(container)]);
  const item = info.get(alert.inventory_item_id);
  return alertStaffOnWhatsApp(container, {
    roles: ["owner", "manager"],
    text: lowStockAlertText({
      title: item?.title ?? alert.inventory_item_id, sku: item?.sku ?? null, location: names.get(alert.location_id) ?? "the shop", on_hand: alert.on_hand, threshold: alert.threshold,
    }),
    key: lowStockAlertKey(alert.inventory_item_id, alert.location_id, now),
    ref: alert.inventory_item_id,
    sender: "low-stock-alert",
    label: `Low-stock WhatsApp alert for ${alert.inventory_item_id}`,
  });
}
