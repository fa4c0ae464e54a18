import { model } from "@medusajs/framework/utils";

/** The emergency stop (one row, id "emergency_stop"): while stopped_at is set, the gate lets no campaign message out. */
export const CampaignControl = model.define("campaign_control", {
  id: model.text().primaryKey(),
  stopped_at: model.dateTime().nullable(),
  stopped_by: model.text().nullable(),
  stopped_by_name: model.text().nullable(),
  stop_reason: model.text().nullable(),
  resumed_at: model.dateTime().nullable(),
  resumed_by: model.text().nullable(),
});
