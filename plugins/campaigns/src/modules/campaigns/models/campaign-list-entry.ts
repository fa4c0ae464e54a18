import { model } from "@medusajs/framework/utils";

/** One accepted row of a campaign's CSV audience import. */
export const CampaignListEntry = model.define("campaign_list_entry", {
  id: model.id({ prefix: "cle" }).primaryKey(),
  campaign_id: model.text(),
  phone: model.text(),
  name: model.text().nullable(),
  values: model.json().default({} as never),
  line: model.number(),
});
