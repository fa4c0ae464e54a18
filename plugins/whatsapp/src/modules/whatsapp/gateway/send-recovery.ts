import type { Logger, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { whatsappService } from "../../../workflows/steps/service";
import { pruneCloudWebhookState } from "./cloud-store";

/**
 * Puts outbound claims whose lease ran out (the process sending them died) back in the queue, where
 * the session owner's outbox sends them again under the same WhatsApp id (a Cloud API send, whose id
 * WhatsApp picks, only after CLOUD_UNKNOWN_OUTCOME_WAIT_MS without a status webhook for it). Runs at gateway start and
 * every minute (jobs/whatsapp-send-recovery.ts); safe on several instances at once.
 */
export async function recoverWhatsAppSends(container: MedusaContainer): Promise<{ released: string[] }> {
  const released = await whatsappService(container).releaseExpiredClaims();
  // Cloud API webhook state older than Meta's redelivery window (7 days) is no longer needed.
  await pruneCloudWebhookState(container);
  if (released.length) {
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(
      `WhatsApp outbox: ${released.length} send(s) left mid-way by a stopped process go back to the queue: ${released.slice(0, 10).join(", ")}`,
    );
  }
  return { released };
}
