import { model } from "@medusajs/framework/utils";

/**
 * The first-run setup's one row (id "first-owner"). Inserting it is how a setup claims the shop:
 * the primary key lets exactly one of two concurrent setups through, and its presence ends the
 * setup for good (deleting every staff account later does not reopen it).
 */
export const StaffSetupClaim = model.define("staff_setup_claim", {
  id: model.text().primaryKey(),
  owner_id: model.text().nullable(),
  completed_at: model.dateTime().nullable(),
});
