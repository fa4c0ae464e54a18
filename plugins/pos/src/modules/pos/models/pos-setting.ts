import { model } from "@medusajs/framework/utils";

/**
 * Counter settings (one row, id "default"): what a cashier may discount, and refund, without a
 * manager. Null = no limit.
 */
export const PosSetting = model.define("pos_setting", {
  id: model.text().primaryKey(),
  line_max_percent_bp: model.number().nullable(),
  line_max_amount_sen: model.number().nullable(),
  cart_max_percent_bp: model.number().nullable(),
  cart_max_amount_sen: model.number().nullable(),
  refund_approval_limit_sen: model.number().default(20_000).nullable(),
});
