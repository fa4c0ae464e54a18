import { model } from "@medusajs/framework/utils";

/** A session's Baileys credentials, AES-256-GCM encrypted ("v1.<iv>.<tag>.<ciphertext>"), never plain. */
export const WhatsAppAuthState = model
  .define("whatsapp_auth_state", {
    id: model.id({ prefix: "wa_auth" }).primaryKey(),
    session_id: model.text(),
    ciphertext: model.text(),
  })
  .indexes([{ on: ["session_id"], unique: true }]);
