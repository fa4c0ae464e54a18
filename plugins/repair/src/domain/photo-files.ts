import { MAX_PHOTO_BYTES, type PhotoMimeType, type PhotoTag } from "@voltura/domain";

/** The image type from the file's first bytes (what the client claims is not trusted). */
export function detectImageType(bytes: Uint8Array): PhotoMimeType | null {
  const at = (i: number) => bytes[i];
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return "image/jpeg";
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) return "image/png";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

export interface IncomingPhoto {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Uint8Array;
}

export type PhotoCheck = { ok: true; mime: PhotoMimeType } | { ok: false; reason: string };

/** JPEG, PNG or WebP (by content), at most 8 MB. */
export function checkPhotoFile(file: IncomingPhoto): PhotoCheck {
  if (file.size > MAX_PHOTO_BYTES) {
    return { ok: false, reason: `${file.originalname} is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${MAX_PHOTO_BYTES / 1048576} MB` };
  }
  const mime = detectImageType(file.buffer);
  if (!mime) return { ok: false, reason: `${file.originalname} is not a JPEG, PNG or WebP image` };
  return { ok: true, mime };
}

const EXTENSIONS: Record<PhotoMimeType, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/**
 * The stored file's name: the job, the tag and a random part, never the client's filename (which
 * could carry a path or personal data). The random part keeps the public URL unguessable.
 */
export function photoFileName(jobNumber: string, tag: PhotoTag, random: string, mime: PhotoMimeType): string {
  return `${jobNumber}-${tag}-${random}.${EXTENSIONS[mime]}`;
}
