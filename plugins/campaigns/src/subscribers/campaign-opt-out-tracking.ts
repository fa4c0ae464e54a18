import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { markOptedOut } from "../modules/campaigns/analytics/tracking";
import { sendOptOutConfirmation } from "../modules/campaigns/planner/opt-out";
import { shopNameOf } from "../modules/campaigns/planner/shop";

/**
 * A phone opted out (STOP / BERHENTI, staff, or the opt-out link): the campaign messages that led to it are marked.
 * A customer who typed the keyword gets the confirmation in the language of their last campaign message (BM when
 * none); the link sends its own under the same key; an opt-out staff record for the customer sends nothing.
 */
export default async function campaignOptOutTracking({ event, container }: SubscriberArgs<{ phone: string; source?: "keyword" | "staff" }>) {
  const phone = event.data.phone;
  if (!phone) return;
  const db = sqlConnection(container);
  await markOptedOut(db, phone, new Date());
  if (event.data.source !== "keyword") return;
  const [last] = await rows(db, `SELECT language FROM campaign_recipient WHERE phone = ? AND sent_at IS NOT NULL ORDER BY sent_at DESC LIMIT 1`, [phone]);
  await sendOptOutConfirmation(container, phone, last?.language === "en" ? "en" : "ms", await shopNameOf(container));
}

export const config: SubscriberConfig = { event: "whatsapp.contact.opted_out" };
