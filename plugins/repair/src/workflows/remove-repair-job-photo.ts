import { deleteFilesWorkflow, emitEventStep } from "@medusajs/medusa/core-flows";
import { LIVE_EVENTS } from "@voltura/domain";
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { deleteRepairJobPhotoRecordStep } from "./steps/delete-repair-job-photo-record";

/**
 * Removes a photo: first its record (restored if the next step fails), then the stored file,
 * which cannot be brought back and so comes last.
 */
export const removeRepairJobPhotoWorkflow = createWorkflow("remove-repair-job-photo", (input: { repair_job_id: string; photo_id: string }) => {
  const photo = deleteRepairJobPhotoRecordStep(input);
  deleteFilesWorkflow.runAsStep({ input: transform({ photo }, ({ photo }) => ({ ids: [photo.file_id] })) });
  emitEventStep({
    eventName: LIVE_EVENTS.repairPhotoRemoved,
    data: transform({ input, photo }, ({ input, photo }) => ({ id: input.repair_job_id, photo_id: photo.id })),
  });
  return new WorkflowResponse(transform({ photo }, ({ photo }) => ({ id: photo.id })));
});
