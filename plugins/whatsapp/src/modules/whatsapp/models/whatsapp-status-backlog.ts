import { model } from "@medusajs/framework/utils";

/**
 * A Cloud API status that arrived before the send it reports recorded WhatsApp's id (and without
 * the row id as correlation): kept here and applied once the send records the id.
 */
export const WhatsAppStatusBacklog = model
  .define("whatsapp_status_backlog", {
    id: model.id({ prefix: "wa_sbl" }).primaryKey(),
    session_id: model.text(),
    wa_message_id: model.text().nullable(),
    correlation_id: model.text().nullable(),
    status: model.enum(["sent", "delivered", "read", "failed"]),
    error_code: model.number().nullable(),
    error: model.text().nullable(),
    received_at: model.dateTime(),
  })
  .indexes([
    { on: ["session_id", "wa_message_id"], where: "wa_message_id IS NOT NULL" },
    { on: ["correlation_id"], where: "correlation_id IS NOT NULL" },
    { on: ["received_at"] },
  ]);
