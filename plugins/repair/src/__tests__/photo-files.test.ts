import { describe, expect, it } from "vitest";
import { MAX_PHOTO_BYTES } from "@voltura/domain";
import { checkPhotoFile, detectImageType, photoFileName } from "../domain/photo-files";
import { describeUploadError } from "../api/photo-upload";

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const WEBP = new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ");
const GIF = new TextEncoder().encode("GIF89a......");

describe("detectImageType", () => {
  it.each([
    [JPEG, "image/jpeg"], [PNG, "image/png"], [WEBP, "image/webp"],
    [GIF, null], [new TextEncoder().encode("%PDF-1.7"), null], [new Uint8Array(), null],
    [new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WAVE"), null],
  ])("%#", (bytes, mime) => expect(detectImageType(bytes)).toBe(mime));
});

describe("checkPhotoFile", () => {
  const file = (buffer: Uint8Array, size = buffer.length, mimetype = "image/jpeg") => ({ originalname: "front.jpg", mimetype, size, buffer });
  it("accepts by content, whatever the client claimed", () => {
    expect(checkPhotoFile(file(PNG, PNG.length, "application/octet-stream"))).toEqual({ ok: true, mime: "image/png" });
  });
  it("refuses a GIF or a renamed PDF, naming the file", () => {
    const r = checkPhotoFile(file(GIF));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe("front.jpg is not a JPEG, PNG or WebP image");
  });
  it("takes exactly 8 MB and refuses a byte more", () => {
    expect(checkPhotoFile(file(JPEG, MAX_PHOTO_BYTES)).ok).toBe(true);
    const r = checkPhotoFile(file(JPEG, MAX_PHOTO_BYTES + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/limit is 8 MB/);
  });
});

describe("photoFileName", () => {
  it("never uses the client's name", () => {
    expect(photoFileName("VSH-2026-000123", "before", "AbC_-1", "image/webp")).toBe("VSH-2026-000123-before-AbC_-1.webp");
  });
});

describe("describeUploadError", () => {
  it("names the field and the limit", () => {
    expect(describeUploadError({ code: "LIMIT_FILE_SIZE" })).toBe("files: a photo is larger than 8 MB");
    expect(describeUploadError({ code: "LIMIT_UNEXPECTED_FILE", field: "photo" })).toBe('files: send the images in the "files" field, not "photo"');
    expect(describeUploadError({ code: "LIMIT_FILE_COUNT", field: "files" })).toBe("files: at most 10 photos per upload");
  });
});
