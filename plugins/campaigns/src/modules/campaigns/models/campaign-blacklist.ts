import { model } from "@medusajs/framework/utils";

/** A phone no campaign may reach; removal keeps the row (who, why). One active row per phone. */
export const CampaignBlacklist = model.define("campaign_blacklist", {
  id: model.id({ prefix: "cbl" }).primaryKey(),
  phone: model.text(),
  reason: model.text(),
  added_by: model.text().nullable(),
  removed_at: model.dateTime().nullable(),
  removed_by: model.text().nullable(),
  removed_reason: model.text().nullable(),
});
