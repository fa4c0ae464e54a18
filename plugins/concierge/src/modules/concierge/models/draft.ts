import { model } from "@medusajs/framework/utils";

/** An AI-drafted reply a technician may edit and send (kept so the inbox shows what was suggested). */
export const Draft = model
  .define("concierge_draft", {
    id: model.id({ prefix: "cdraft" }).primaryKey(),
    phone: model.text(),
    body: model.text(),
    language: model.enum(["ms", "en", "mixed"]).default("mixed"),
    source_text: model.text(),
    requested_by: model.text(),
  })
  .indexes([{ on: ["phone"] }]);
