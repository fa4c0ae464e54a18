import { model } from "@medusajs/framework/utils";

/** A PDPA request about one customer: an export (JSON or PDF) or an anonymisation, with what it covered. */
export const DataRequest = model
  .define("data_request", {
    id: model.id({ prefix: "dreq" }).primaryKey(),
    kind: model.enum(["export", "anonymise"]),
    customer_id: model.text(),
    format: model.text().nullable(),
    requested_by: model.text().nullable(),
    requested_by_role: model.text().nullable(),
    summary: model.json().default({}),
  })
  .indexes([{ on: ["customer_id"] }, { on: ["created_at"] }]);
