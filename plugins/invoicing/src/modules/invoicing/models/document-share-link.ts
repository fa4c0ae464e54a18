import { model } from "@medusajs/framework/utils";

/**
 * A link to a quotation or invoice PDF handed out for WhatsApp. The signed token names this row, so
 * a link opens only while the row says so: not past `expires_at`, never after `revoked_at`.
 */
export const DocumentShareLink = model
  .define("document_share_link", {
    id: model.id({ prefix: "dlink" }).primaryKey(),
    document_kind: model.enum(["quotation", "invoice"]),
    document_id: model.text(),
    expires_at: model.dateTime(),
    revoked_at: model.dateTime().nullable(),
    revoked_by: model.text().nullable(),
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["document_kind", "document_id"] }]);
