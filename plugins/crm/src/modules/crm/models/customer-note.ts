import { model } from "@medusajs/framework/utils";
import { CustomerProfile } from "./customer-profile";

/** One line of a customer's append-only note history (created_at is when it was written). */
export const CustomerNote = model.define("customer_note", {
  id: model.id({ prefix: "cnote" }).primaryKey(),
  body: model.text(),
  author: model.text(),
  profile: model.belongsTo(() => CustomerProfile, { mappedBy: "notes" }),
});
