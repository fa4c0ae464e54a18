import { randomBytes } from "node:crypto";
import { MedusaError } from "@medusajs/framework/utils";
import { REPAIR_DESK } from "@voltura/domain";
import { uploadPhotosFieldsSchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { retrieveJobOr404 } from "../../../../../workflows/steps/job-context";
import { checkPhotoFile, photoFileName } from "../../../../../domain/photo-files";
import { addRepairJobPhotosWorkflow } from "../../../../../workflows/add-repair-job-photos";
import { loadRepairJob } from "../../query";

type UploadedFile = { originalname: string; mimetype: string; size: number; buffer: Buffer };

/** The job's photos, oldest first. */
export const GET = staffRoute([...REPAIR_DESK, "system", "integration"], async (req, res) => {
  const job = await loadRepairJob(req.scope, req.params.id!);
  res.json({ photos: job.photos ?? [] });
});

/** multipart/form-data: `files` (JPEG / PNG / WebP, ≤ 8 MB each), `tag` (before | during | after), optional `caption`. */
export const POST = staffRoute(REPAIR_DESK, async (req, res) => {
  const fields = parseOrThrow(uploadPhotosFieldsSchema, req.body ?? {});
  // multer's memory storage (api/photo-upload.ts) puts the upload's files on the request as an array.
  const files: UploadedFile[] = Array.isArray(req.files) ? req.files : [];
  if (!files.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: files: attach at least one photo");
  const checked = files.map((file) => ({ file, check: checkPhotoFile(file) }));
  const refused = checked.flatMap(({ check }) => (check.ok ? [] : [check.reason]));
  if (refused.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: files: ${refused.join("; ")}`);
  const job = await retrieveJobOr404(req.scope, req.params.id!);
  const { result } = await addRepairJobPhotosWorkflow(req.scope).run({
    input: {
      repair_job_id: job.id,
      tag: fields.tag,
      caption: fields.caption ?? null,
      actor: { id: req.actor.id, name: req.actor.name },
      files: checked.map(({ file, check }) => {
        const mime = check.ok ? check.mime : "image/jpeg";
        return {
          filename: photoFileName(job.job_number, fields.tag, randomBytes(16).toString("base64url"), mime),
          mime_type: mime,
          size_bytes: file.size,
          content_base64: file.buffer.toString("base64"),
        };
      }),
    },
  });
  const photos = (await loadRepairJob(req.scope, job.id)).photos ?? [];
  const added = new Set(result.map((p) => p.id));
  res.status(201).json({ photos: photos.filter((p) => added.has(p.id)) });
});
