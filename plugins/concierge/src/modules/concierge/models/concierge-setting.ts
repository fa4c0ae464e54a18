import { model } from "@medusajs/framework/utils";

/** The concierge's settings as one JSON document (id "concierge"), validated by conciergeSettingsSchema. */
export const ConciergeSetting = model.define("concierge_setting", {
  id: model.text().primaryKey(),
  value: model.json(),
  updated_by: model.text().nullable(),
});
