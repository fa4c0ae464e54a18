import { model } from "@medusajs/framework/utils";
import { RepairWarranty } from "./repair-warranty";

/** A claim on a warranty: it opened a new job (claim_job_id) whose labour is not charged. */
export const RepairWarrantyClaim = model
  .define("repair_warranty_claim", {
    id: model.id({ prefix: "rwcl" }).primaryKey(),
    claim_job_id: model.text().unique(),
    original_job_id: model.text(),
    issue: model.text(),
    note: model.text().nullable(),
    created_by: model.text(),
    warranty: model.belongsTo(() => RepairWarranty, { mappedBy: "claims" }),
  });
