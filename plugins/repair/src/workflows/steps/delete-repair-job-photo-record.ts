import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { repairService } from "./job-context";

/** Removes a photo's record (404 unless it belongs to the job); compensation puts it back with the same id. */
export const deleteRepairJobPhotoRecordStep = createStep(
  "delete-repair-job-photo-record",
  async (input: { repair_job_id: string; photo_id: string }, { container }) => {
    const repair = repairService(container);
    const [photo] = await repair.listRepairJobPhotos({ id: input.photo_id, repair_job_id: input.repair_job_id }, { take: 1 });
    if (!photo) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Photo ${input.photo_id} of repair job ${input.repair_job_id} was not found`);
    await repair.deleteRepairJobPhotos(photo.id);
    return new StepResponse(photo, { ...photo, repair_job_id: input.repair_job_id });
  },
  async (photo, { container }) => {
    if (!photo) return;
    const { created_at: _created, ...fields } = photo;
    await repairService(container).createRepairJobPhotos(fields as never);
  },
);
