import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { PhotoTag } from "@voltura/domain";
import { repairService } from "./job-context";
import type { ActorRef, RepairJobPhotoRecord } from "../../modules/repair/types";

export interface NewPhotoRecord {
  file_id: string;
  url: string;
  mime_type: string;
  size_bytes: number;
}

/** Records uploaded files as the job's photos; compensation removes the records (the upload step removes the files). */
export const createRepairJobPhotosStep = createStep(
  "create-repair-job-photos",
  async (input: { repair_job_id: string; tag: PhotoTag; caption: string | null; actor: ActorRef; files: NewPhotoRecord[] }, { container }) => {
    const created = await repairService(container).createRepairJobPhotos(
      input.files.map((f) => ({
        repair_job_id: input.repair_job_id,
        file_id: f.file_id,
        url: f.url,
        mime_type: f.mime_type,
        size_bytes: f.size_bytes,
        tag: input.tag,
        caption: input.caption,
        taken_by: input.actor.name,
        taken_by_id: input.actor.id,
      })),
    );
    return new StepResponse<RepairJobPhotoRecord[], string[]>(created, created.map((p) => p.id));
  },
  async (ids, { container }) => {
    if (ids?.length) await repairService(container).deleteRepairJobPhotos(ids);
  },
);
