import { emitEventStep, uploadFilesWorkflow } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { PhotoMimeType, PhotoTag } from "@voltura/domain";
import { createRepairJobPhotosStep } from "./steps/create-repair-job-photos";
import type { ActorRef } from "../modules/repair/types";

export interface AddRepairJobPhotosInput {
  repair_job_id: string;
  tag: PhotoTag;
  caption: string | null;
  actor: ActorRef;
  /** Checked by the route (type by content, size); filename already chosen by us. */
  files: Array<{ filename: string; mime_type: PhotoMimeType; size_bytes: number; content_base64: string }>;
}

export const REPAIR_JOB_PHOTOS_ADDED = "repair_job.photos_added";

/** Stores the images through Medusa's file module and records them on the job; a failure removes both. */
export const addRepairJobPhotosWorkflow = createWorkflow("add-repair-job-photos", (input: AddRepairJobPhotosInput) => {
  const uploaded = uploadFilesWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      files: input.files.map((f) => ({ filename: f.filename, mimeType: f.mime_type, content: f.content_base64, access: "public" as const })),
    })),
  });
  const photos = createRepairJobPhotosStep(
    transform({ input, uploaded }, ({ input, uploaded }) => ({
      repair_job_id: input.repair_job_id,
      tag: input.tag,
      caption: input.caption,
      actor: input.actor,
      files: input.files.map((f, i) => ({ file_id: uploaded[i]!.id, url: uploaded[i]!.url, mime_type: f.mime_type, size_bytes: f.size_bytes })),
    })),
  );
  emitEventStep({
    eventName: REPAIR_JOB_PHOTOS_ADDED,
    data: transform({ input, photos }, ({ input, photos }) => ({ id: input.repair_job_id, photo_ids: photos.map((p) => p.id) })),
  });
  return new WorkflowResponse(photos);
});
