import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_UPLOAD } from "@voltura/domain";
import multer from "multer";

/** Field name of the images in the multipart body (as core's /admin/uploads). */
export const PHOTO_FIELD = "files";

const upload = multer({
  // Kept in memory, as core's upload route does: the files go on to uploadFilesWorkflow as base64.
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS_PER_UPLOAD, fields: 10, fieldSize: 64 * 1024 },
}).array(PHOTO_FIELD, MAX_PHOTOS_PER_UPLOAD);

/** What a multer refusal means for the person uploading. */
export function describeUploadError(err: { code?: string; field?: string; message?: string }): string {
  switch (err.code) {
    case "LIMIT_FILE_SIZE":
      return `files: a photo is larger than ${MAX_PHOTO_BYTES / 1048576} MB`;
    case "LIMIT_FILE_COUNT":
    case "LIMIT_UNEXPECTED_FILE":
      return err.field && err.field !== PHOTO_FIELD
        ? `files: send the images in the "${PHOTO_FIELD}" field, not "${err.field}"`
        : `files: at most ${MAX_PHOTOS_PER_UPLOAD} photos per upload`;
    default:
      return `files: ${err.message ?? "the upload could not be read"}`;
  }
}

/** multer, with its refusals answered as 400s naming the field instead of Medusa's 500. */
export function parsePhotoUpload(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  upload(req as never, res as never, (err?: unknown) => {
    if (!err) return next();
    if (err instanceof multer.MulterError || (err as { code?: string }).code === "LIMIT_FILE_SIZE") {
      res.status(400).json({ type: "invalid_data", message: `Invalid request: ${describeUploadError(err as multer.MulterError)}` });
      return;
    }
    // Not multipart at all, a broken body: also the client's fault.
    res.status(400).json({ type: "invalid_data", message: `Invalid request: files: ${(err as Error).message ?? "the upload could not be read"}` });
  });
}
