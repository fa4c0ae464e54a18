import type { MedusaContainer } from "@medusajs/framework/types";
import { WHATSAPP_MODULE } from "../../modules/whatsapp/index";
import type WhatsAppModuleService from "../../modules/whatsapp/service";

export function whatsappService(container: Pick<MedusaContainer, "resolve">): WhatsAppModuleService {
  return container.resolve<WhatsAppModuleService>(WHATSAPP_MODULE);
}
