import type { CampaignMedia } from "@voltura/contracts";

/** What WhatsApp takes as campaign media, by the bytes (never the declared type alone), and its size limit. */
const KINDS: { mime: string; kind: CampaignMedia["kind"]; ext: string; maxBytes: number; sniff: (b: Buffer) => boolean }[] = [
  { mime: "image/jpeg", kind: "image", ext: "jpg", maxBytes: 5 * 1048576, sniff: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: "image/png", kind: "image", ext: "png", maxBytes: 5 * 1048576, sniff: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: "image/webp", kind: "image", ext: "webp", maxBytes: 5 * 1048576, sniff: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
  { mime: "application/pdf", kind: "document", ext: "pdf", maxBytes: 16 * 1048576, sniff: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
  { mime: "video/mp4", kind: "video", ext: "mp4", maxBytes: 16 * 1048576, sniff: (b) => b.subarray(4, 8).toString("latin1") === "ftyp" },
];
export const MAX_CAMPAIGN_MEDIA_BYTES = 16 * 1048576;

export type MediaCheck = { ok: true; mime: string; kind: CampaignMedia["kind"]; ext: string } | { ok: false; reason: string };

/** A JPEG / PNG / WebP image up to 5 MB, a PDF or an MP4 video up to 16 MB; anything else with the reason. */
export function checkCampaignMedia(file: { buffer: Buffer; size: number; originalname: string }): MediaCheck {
  if (!file.size) return { ok: false, reason: `${file.originalname} is empty` };
  const kind = KINDS.find((k) => k.sniff(file.buffer));
  if (!kind) return { ok: false, reason: `${file.originalname} is not a JPEG, PNG or WebP image, a PDF or an MP4 video` };
  if (file.size > kind.maxBytes) return { ok: false, reason: `${file.originalname} is larger than ${kind.maxBytes / 1048576} MB (WhatsApp's limit for ${kind.kind}s)` };
  return { ok: true, mime: kind.mime, kind: kind.kind, ext: kind.ext };
}

/** A filename WhatsApp shows: the uploaded name without path or odd characters, with the right extension. */
export function mediaFileName(original: string, ext: string): string {
  const base = original.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "").replace(/[^\w\- ]+/g, "").trim().slice(0, 80) || "campaign";
  return `${base}.${ext}`;
}
