import type { MedusaContainer } from "@medusajs/framework/types";
import { ensureSupervisor } from "../modules/whatsapp/gateway/boot";

/**
 * Starts this process's WhatsApp session supervisor soon after boot; it then runs its own lease
 * loop. (Routes start it too, so an HTTP-only instance owns sessions as well.)
 */
export default async function whatsappSessionsJob(container: MedusaContainer): Promise<void> {
  await ensureSupervisor(container);
}

export const config = { name: "whatsapp-session-supervisor", schedule: { interval: 5_000 } };
