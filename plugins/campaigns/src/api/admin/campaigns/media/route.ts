/// <reference types="multer" />
import { MedusaError } from "@medusajs/framework/utils";
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows";
import { recordAudit, staffRoute } from "@voltura/medusa-kit";
import { checkCampaignMedia, mediaFileName } from "../../../../domain/media-rules";
import { CAMPAIGN_MANAGERS } from "../roles";

type UploadedFile = { originalname: string; mimetype: string; size: number; buffer: Buffer };

/**
 * multipart/form-data, one `file`: an image (JPEG/PNG/WebP ≤ 5 MB), a PDF or an MP4 video (≤ 16 MB), stored
 * once as a shop file. The answer is the campaign's `media` value: the gateway sends it by its file id.
 */
export const POST = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const file: UploadedFile | undefined = req.file;
  if (!file) throw new MedusaError(MedusaError.Types.INVALID_DATA, 'Invalid request: file: attach one file in the "file" field');
  const check = checkCampaignMedia(file);
  if (!check.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: file: ${check.reason}`);
  const filename = mediaFileName(file.originalname, check.ext);
  const { result } = await uploadFilesWorkflow(req.scope).run({
    input: { files: [{ filename, mimeType: check.mime, content: file.buffer.toString("base64"), access: "public" }] },
  });
  const stored = result[0]!;
  const media = { file_id: stored.id, url: stored.url, mimetype: check.mime, filename, kind: check.kind };
  await recordAudit(req, { action: "campaign.media_upload", entity: "file", entity_id: stored.id, metadata: { filename, mimetype: check.mime, size: file.size } });
  res.status(201).json({ media });
});
