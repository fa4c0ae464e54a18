import { Module } from "@medusajs/framework/utils";
import WhatsAppModuleService from "./service";

/** Resolve with container.resolve("whatsapp"). */
export const WHATSAPP_MODULE = "whatsapp";

export default Module(WHATSAPP_MODULE, { service: WhatsAppModuleService });
export { WhatsAppModuleService };
export type { MessageRow } from "./rows";
