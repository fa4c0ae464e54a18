import { model } from "@medusajs/framework/utils";
import { PHOTO_TAGS } from "@voltura/domain";
import { RepairJob } from "./repair-job";

/** A photo of the device, stored through Medusa's file module (file_id is the provider's key). */
export const RepairJobPhoto = model.define("repair_job_photo", {
  id: model.id({ prefix: "rjph" }).primaryKey(),
  file_id: model.text(),
  url: model.text(),
  tag: model.enum([...PHOTO_TAGS]),
  caption: model.text().nullable(),
  mime_type: model.text(),
  size_bytes: model.number(),
  taken_by: model.text(),
  taken_by_id: model.text().nullable(),
  repair_job: model.belongsTo(() => RepairJob, { mappedBy: "photos" }),
});
