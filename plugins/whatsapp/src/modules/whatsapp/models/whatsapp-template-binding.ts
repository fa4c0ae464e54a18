import { model } from "@medusajs/framework/utils";

/**
 * Which template of a Cloud API number a purpose (`quote_sent`, `quote_reminder`, `pickup_day<n>`,
 * `campaign`: what the shop sends when the customer's window is closed) uses in one language, and which
 * of the sender's variables fill its body parameters, in order (`["nama", "job_number"]` → {{1}}, {{2}}).
 */
export const WhatsAppTemplateBinding = model
  .define("whatsapp_template_binding", {
    id: model.id({ prefix: "wa_tbind" }).primaryKey(),
    session_id: model.text(),
    purpose: model.text(),
    language: model.text(),
    template_name: model.text(),
    params: model.json<string[]>(),
  })
  .indexes([{ on: ["session_id", "purpose", "language"], unique: true }]);
