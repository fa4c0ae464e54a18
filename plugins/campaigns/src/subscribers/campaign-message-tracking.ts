import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { sqlConnection } from "@voltura/medusa-kit";
import { applyMessageReceipt, markReplied } from "../modules/campaigns/analytics/tracking";

type MessageEvent = { message_id: string; status?: string; phone?: string; received_at?: string; counts_as_customer?: boolean };

/** Campaign tracking from the WhatsApp log: receipts (delivered, read) and replies from recipients. */
export default async function campaignMessageTracking({ event, container }: SubscriberArgs<MessageEvent>) {
  const db = sqlConnection(container);
  if (event.name === "whatsapp.message.status") {
    await applyMessageReceipt(db, event.data.message_id);
    return;
  }
  if (event.data.phone && event.data.counts_as_customer !== false) {
    await markReplied(db, event.data.phone, event.data.received_at ? new Date(event.data.received_at) : new Date());
  }
}

export const config: SubscriberConfig = { event: ["whatsapp.message.status", "whatsapp.message.received"] };
