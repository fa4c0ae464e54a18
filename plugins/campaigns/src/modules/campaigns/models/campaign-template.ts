import { model } from "@medusajs/framework/utils";

/** A reusable message text in BM (ms) or EN. */
export const CampaignTemplate = model.define("campaign_template", {
  id: model.id({ prefix: "ctpl" }).primaryKey(),
  name: model.text(),
  language: model.enum(["ms", "en"]),
  body: model.text(),
  created_by: model.text().nullable(),
});
