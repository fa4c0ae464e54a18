import { model } from "@medusajs/framework/utils";

/** A customer phone the shop talks to on WhatsApp; opted_out_at stops reminders to it. */
export const WhatsAppContact = model
  .define("whatsapp_contact", {
    id: model.id({ prefix: "wa_ct" }).primaryKey(),
    phone: model.text(),
    customer_id: model.text().nullable(),
    name: model.text().nullable(),
    opted_out_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["phone"], unique: true }, { on: ["customer_id"] }]);
