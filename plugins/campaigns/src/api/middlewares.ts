import { defineMiddlewares, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http";
import multer from "multer";
import { MAX_CAMPAIGN_MEDIA_BYTES } from "../domain/media-rules";

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_CAMPAIGN_MEDIA_BYTES, files: 1, fields: 5, fieldSize: 4096 } }).single("file");

/** multer for the campaign media upload; its refusals are 400s naming the field. */
function parseMediaUpload(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  upload(req as never, res as never, (err?: unknown) => {
    if (!err) return next();
    const e = err as { code?: string; message?: string };
    const reason = e.code === "LIMIT_FILE_SIZE" ? `the file is larger than ${MAX_CAMPAIGN_MEDIA_BYTES / 1048576} MB`
      : e.code === "LIMIT_UNEXPECTED_FILE" || e.code === "LIMIT_FILE_COUNT" ? 'send one file in the "file" field'
      : e.message ?? "the upload could not be read";
    res.status(400).json({ type: "invalid_data", message: `Invalid request: file: ${reason}` });
  });
}

export default defineMiddlewares({
  routes: [{ method: ["POST"], matcher: "/admin/campaigns/media", middlewares: [parseMediaUpload] }],
});
