import { model } from "@medusajs/framework/utils";
import { TEMPLATE_STATUSES } from "../../../domain/template-rules";

export { TEMPLATE_STATUSES, type TemplateStatus } from "../../../domain/template-rules";

/**
 * A message template of a Cloud API number's WhatsApp Business account, as last synced or submitted.
 * Outside the 24-hour window only an APPROVED one may be sent, with exactly `param_count` body parameters.
 */
export const WhatsAppTemplate = model
  .define("whatsapp_template", {
    id: model.id({ prefix: "wa_tpl" }).primaryKey(),
    session_id: model.text(),
    name: model.text(),
    /** WhatsApp's language code: "ms", "en", "en_US"… */
    language: model.text(),
    /** MARKETING, UTILITY or AUTHENTICATION. */
    category: model.text(),
    status: model.enum([...TEMPLATE_STATUSES]),
    components: model.json<unknown[]>(),
    /** The BODY component's text with its {{n}} placeholders. */
    body_text: model.text().default(""),
    param_count: model.number().default(0),
    rejected_reason: model.text().nullable(),
    synced_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["session_id", "name", "language"], unique: true }]);
