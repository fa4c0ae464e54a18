import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { CommerceClient, CommerceError } from "@voltura/medusa-client";
import { z } from "zod";
import type { LowStockEventData } from "../ledger/apply";
import { loadItemInfo, locationNames } from "../inventory/items";

/** The shop's calendar day, for one alert per item per day. */
export function shopDay(at: Date, timeZone = "Asia/Kuala_Lumpur"): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export function lowStockAlertKey(itemId: string, locationId: string, at: Date): string {
  return `low-stock:${itemId}:${locationId}:${shopDay(at)}`;
}

export function lowStockAlertText(alert: { title: string; sku: string | null; location: string; on_hand: number; threshold: number }): string {
  return `Low stock: ${alert.title}${alert.sku ? ` (${alert.sku})` : ""} at ${alert.location} is down to ${alert.on_hand} (threshold ${alert.threshold}). Reorder from Inventory → Purchase orders.`;
}

/** Owners' and managers' WhatsApp numbers (metadata.phone on the staff user). */
async function managerPhones(container: MedusaContainer): Promise<string[]> {
  const users = await container.resolve(Modules.USER).listUsers({}, { select: ["id", "metadata"] });
  return users.flatMap((u) => {
    const meta = (u.metadata ?? {}) as { role?: string; phone?: string; active?: boolean };
    return (meta.role === "owner" || meta.role === "manager") && meta.active !== false && typeof meta.phone === "string" && meta.phone.trim() ? [meta.phone.trim()] : [];
  });
}

function selfClient(container: MedusaContainer): CommerceClient | null {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE);
  const secret = config.projectConfig.http.jwtSecret;
  const jwtSecret = typeof secret === "string" ? secret : secret ? String(secret) : process.env.JWT_SECRET;
  if (!jwtSecret) return null;
  const baseUrl = process.env.MEDUSA_BACKEND_URL || `http://127.0.0.1:${process.env.PORT || 9000}`;
  return new CommerceClient({ baseUrl, jwtSecret, actor: { id: "system:low-stock-alert", role: "system", name: "Low-stock alert" } });
}

/**
 * Tells the managers on WhatsApp that an item fell below its threshold, through the gateway's
 * POST /admin/whatsapp/messages (one idempotency key per item, location and day, so a second
 * crossing the same day sends nothing). Skips quietly without a gateway, a session or a phone.
 */
export async function sendLowStockAlert(container: MedusaContainer, alert: LowStockEventData, now = new Date()): Promise<number> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const skip = (why: string) => {
    logger.info(`Low-stock WhatsApp alert for ${alert.inventory_item_id} not sent: ${why}`);
    return 0;
  };
  if (!container.hasRegistration("whatsapp")) return skip("no WhatsApp gateway");
  const phones = await managerPhones(container);
  const client = selfClient(container);
  if (!phones.length) return skip("no owner or manager has a phone (staff metadata.phone)");
  if (!client) return skip("no JWT secret");
  const [info, names] = await Promise.all([loadItemInfo(container, [alert.inventory_item_id]), locationNames(container)]);
  const item = info.get(alert.inventory_item_id);
  const body = lowStockAlertText({
    title: item?.title ?? alert.inventory_item_id, sku: item?.sku ?? null, location: names.get(alert.location_id) ?? "the shop", on_hand: alert.on_hand, threshold: alert.threshold,
  });
  let sent = 0;
  for (const to of phones) {
    try {
      await client.request("POST", "/admin/whatsapp/messages", z.object({ message: z.object({ id: z.string() }).passthrough() }).passthrough(), {
        to, body, idempotency_key: `${lowStockAlertKey(alert.inventory_item_id, alert.location_id, now)}:${to}`, context: { kind: "alert", ref: alert.inventory_item_id },
      });
      sent++;
    } catch (error) {
      if (error instanceof CommerceError && [404, 409, 503].includes(error.status)) {
        skip(`the gateway answered ${error.status} (${error.message})`); // no session / opted out
        continue;
      }
      logger.warn(`Low-stock WhatsApp alert to ${to} failed: ${(error as Error).message}`);
    }
  }
  return sent;
}
