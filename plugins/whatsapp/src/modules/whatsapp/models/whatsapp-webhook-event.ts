import { model } from "@medusajs/framework/utils";

/**
 * One WhatsApp Cloud API webhook event already applied (`msg:<wamid>`, `status:<wamid>:<status>`,
 * `tpl:<name>:<lang>:<status>:<ts>`): Meta delivers at least once, so a repeat is recognised and skipped.
 */
export const WhatsAppWebhookEvent = model
  .define("whatsapp_webhook_event", {
    key: model.text().primaryKey(),
    received_at: model.dateTime(),
  })
  .indexes([{ on: ["received_at"] }]);
