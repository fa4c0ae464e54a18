import { model } from "@medusajs/framework/utils";

/** The shop's settings as one validated JSON document (see @voltura/domain shopSettingsSchema). */
export const ShopSetting = model.define("shop_setting", {
  id: model.text().primaryKey(),
  value: model.json(),
  updated_by: model.text().nullable(),
});
