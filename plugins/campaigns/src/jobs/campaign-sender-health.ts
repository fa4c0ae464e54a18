import type { MedusaContainer } from "@medusajs/framework/types";
import { evaluateAllSenders } from "../modules/campaign-dispatch/senders/health";

/** Every minute: each sending number's health score; a bad one pauses the number and tells the managers once. */
export default async function campaignSenderHealth(container: MedusaContainer): Promise<void> {
  await evaluateAllSenders(container);
}

export const config = { name: "campaign-sender-health", schedule: { interval: 60_000 } };
