import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { syncTemplates, type CloudSessionRow } from "../modules/whatsapp/templates/template-account";
import { whatsappService } from "../workflows/steps/service";

/**
 * Every 15 minutes each enabled Cloud API number's templates are read from its WhatsApp Business
 * account (status changes also arrive by webhook; this catches what a missed webhook left behind).
 * One number failing does not stop the others.
 */
export default async function whatsappTemplateSyncJob(container: MedusaContainer): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const sessions = (await whatsappService(container).listWhatsAppSessions({ kind: "cloud_api", enabled: true })) as CloudSessionRow[];
  for (const session of sessions) {
    try {
      await syncTemplates(container, session);
    } catch (error) {
      logger.warn(`WhatsApp templates of ${session.name} not synced: ${(error as Error).message}`);
    }
  }
}

export const config = { name: "whatsapp-template-sync", schedule: "*/15 * * * *" };
