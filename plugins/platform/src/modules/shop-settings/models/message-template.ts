import { model } from "@medusajs/framework/utils";

/** A shop's own text for one message template kind and language (the default stays in @voltura/domain). */
export const MessageTemplate = model
  .define("message_template", {
    id: model.id({ prefix: "msgtpl" }).primaryKey(),
    kind: model.text(),
    language: model.text(),
    body: model.text(),
    updated_by: model.text().nullable(),
  })
  .indexes([{ on: ["kind", "language"], unique: true }]);
