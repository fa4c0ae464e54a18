import type { MedusaContainer } from "@medusajs/framework/types";
import { recoverWhatsAppSends } from "../modules/whatsapp/gateway/send-recovery";

/** Outbound sends a crash left claimed go back to the owner's outbox (modules/whatsapp/gateway/send-recovery.ts). */
export default async function whatsappSendRecoveryJob(container: MedusaContainer): Promise<void> {
  await recoverWhatsAppSends(container);
}

export const config = { name: "whatsapp-send-recovery", schedule: { interval: 60_000 } };
