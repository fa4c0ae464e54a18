import { model } from "@medusajs/framework/utils";

/** One lifecycle change of a campaign and who made it (append-only). */
export const CampaignEvent = model.define("campaign_event", {
  id: model.id({ prefix: "cevt" }).primaryKey(),
  campaign_id: model.text(),
  from_status: model.text().nullable(),
  to_status: model.text(),
  action: model.text(),
  actor_id: model.text().nullable(),
  actor_name: model.text().nullable(),
  reason: model.text().nullable(),
  run_no: model.number().nullable(),
});
