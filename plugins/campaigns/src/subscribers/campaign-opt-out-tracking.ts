import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { markOptedOut } from "../dispatch/tracking";
import { sendOptOutConfirmation } from "../planner/opt-out";
import { shopNameOf } from "../planner/shop";

/**
 * A phone opted out (STOP / BERHENTI, staff, or the opt-out link): the campaign messages that led to it are marked,
 * and the customer gets the confirmation in the language of their last campaign message (BM when none). The link
 * sends the same confirmation under the same key, so one arrives per day at most.
 */
export default async function campaignOptOutTracking({ event, container }: SubscriberArgs<{ phone: string }>) {
  const phone = event.data.phone;
  if (!phone) return;
  const db = sqlConnection(container);
  await markOptedOut(db, phone, new Date());
  const [last] = await rows(db, `SELECT language FROM campaign_recipient WHERE phone = ? AND sent_at IS NOT NULL ORDER BY sent_at DESC LIMIT 1`, [phone]);
  await sendOptOutConfirmation(container, phone, last?.language === "en" ? "en" : "ms", await shopNameOf(container));
}

export const config: SubscriberConfig = { event: "whatsapp.contact.opted_out" };
