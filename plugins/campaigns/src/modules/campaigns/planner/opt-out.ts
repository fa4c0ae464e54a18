import type { MedusaContainer } from "@medusajs/framework/types";
import { shopDate } from "@voltura/domain";
import type { CampaignLanguage } from "@voltura/contracts";
import { renderShopMessage, rows, sqlConnection } from "@voltura/medusa-kit";
import { optOutThroughGateway, sendThroughGateway } from "./whatsapp-bridge";

/** The confirmation in the customer's language: the shop's message template `optout_confirmation`, read at send time. */
export function optOutConfirmationText(container: MedusaContainer, language: CampaignLanguage, shopName: string): Promise<string> {
  const shop = shopName || (language === "en" ? "us" : "kami");
  return renderShopMessage(container, "optout_confirmation", { shop_name: shop }, language);
}

/** The one idempotency key of an opt-out confirmation per phone and shop day (the link and STOP/BERHENTI share it). */
export function optOutConfirmationKey(phone: string, at: Date = new Date()): string {
  return `optout-confirm:${phone}:${shopDate(at)}`;
}

/** Whether the phone's WhatsApp contact is opted out. */
export async function isOptedOut(container: MedusaContainer, phone: string): Promise<boolean> {
  const [row] = await rows(sqlConnection(container), `SELECT 1 FROM whatsapp_contact WHERE phone = ? AND opted_out_at IS NOT NULL LIMIT 1`, [phone]);
  return Boolean(row);
}

/**
 * Sends the BM/EN confirmation (kind `alert`: the gateway blocks campaign messages to an opted-out phone),
 * from the number that last sent this phone a campaign message. Best effort: the opt-out stands without it.
 */
export async function sendOptOutConfirmation(container: MedusaContainer, phone: string, language: CampaignLanguage, shopName: string): Promise<boolean> {
  const [last] = await rows(sqlConnection(container),
    `SELECT session_id FROM campaign_recipient WHERE phone = ? AND sent_at IS NOT NULL ORDER BY sent_at DESC LIMIT 1`, [phone]);
  try {
    await sendThroughGateway(container, {
      to: phone, body: await optOutConfirmationText(container, language, shopName), session_id: (last?.session_id as string | null) ?? null,
      idempotency_key: optOutConfirmationKey(phone), kind: "alert", ref: `optout:${phone}`,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * The opt-out link's action: the WhatsApp contact opted out through the gateway's own workflow (which
 * emits whatsapp.contact.opted_out), every campaign message this phone got marked opted_out_at, and the
 * confirmation sent once a day at most.
 */
export async function optOutByLink(container: MedusaContainer, phone: string, language: CampaignLanguage, shopName: string): Promise<void> {
  await optOutThroughGateway(container, phone);
  await sqlConnection(container).raw(
    `UPDATE campaign_recipient SET opted_out_at = now(), updated_at = now() WHERE phone = ? AND opted_out_at IS NULL AND sent_at IS NOT NULL`, [phone]);
  await sendOptOutConfirmation(container, phone, language, shopName);
}
