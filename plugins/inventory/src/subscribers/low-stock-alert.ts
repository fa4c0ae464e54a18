import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { sendLowStockAlert } from "../workflows/steps/send-low-stock-alert";
import { LOW_STOCK_EVENT, type LowStockEventData } from "../workflows/steps/apply-ledger";

/** An item crossed below its low-stock threshold: WhatsApp the managers (once per item per day). */
export default async function lowStockAlertSubscriber({ event, container }: SubscriberArgs<LowStockEventData>) {
  await sendLowStockAlert(container, event.data);
}

export const config: SubscriberConfig = { event: LOW_STOCK_EVENT };
