import { model } from "@medusajs/framework/utils";

/** How a document type prints: header and footer text, terms, accent colour and an optional logo. */
export const DocumentTemplate = model.define("document_template", {
  /** The document type: "quotation" or "invoice". */
  id: model.text().primaryKey(),
  header: model.text(),
  footer: model.text(),
  terms: model.text(),
  accent_colour: model.text(),
  /** PNG or JPEG, base64; printed in the header of every document of this type. */
  logo_base64: model.text().nullable(),
  updated_by: model.text().nullable(),
});
