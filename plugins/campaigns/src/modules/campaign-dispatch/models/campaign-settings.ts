import { model } from "@medusajs/framework/utils";

/** Shop-wide sending rules (one row, id "default"). */
export const CampaignSettings = model.define("campaign_settings", {
  id: model.text().primaryKey(),
  /** At most one campaign message per phone within this many days, across campaigns. */
  contact_cap_days: model.number().default(7),
  /** More identical bodies than this in an hour on one sender are skipped (after a re-roll of the spintax). */
  identical_text_per_hour: model.number().default(20),
  /** The shop's Malaysian state: the weekend of new senders follows it. */
  state: model.text().default("SGR"),
});
