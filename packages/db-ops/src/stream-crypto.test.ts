import crypto from "node:crypto";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { BackupCorruptError, BackupKeyMissingError, createDecryptStream, createEncryptStream, decodeHeader } from "./stream-crypto.js";

const key = crypto.randomBytes(32);
const keys = new Map([["b-test-1", key]]);

async function encrypt(plain: Buffer, chunkBytes = 1024, pieces = 7): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let i = 0; i < plain.length; i += Math.ceil(plain.length / pieces) || 1) parts.push(plain.subarray(i, i + (Math.ceil(plain.length / pieces) || 1)));
  return buffer(Readable.from(parts.length ? parts : [Buffer.alloc(0)]).pipe(createEncryptStream(key, "b-test-1", chunkBytes)));
}

async function decrypt(sealed: Buffer, ring: Map<string, Buffer> = keys, pieceBytes = 333): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let i = 0; i < sealed.length; i += pieceBytes) parts.push(sealed.subarray(i, i + pieceBytes));
  const source = Readable.from(parts);
  const decrypting = createDecryptStream((id) => ring.get(id));
  source.pipe(decrypting);
  return buffer(decrypting);
}

describe("backup stream encryption", () => {
  it.each([0, 1, 1023, 1024, 1025, 4096, 50_000])("round-trips %i bytes", async (size) => {
    const plain = crypto.randomBytes(size);
    const sealed = await encrypt(plain);
    expect(sealed.subarray(0, 4).toString()).toBe("VSBK");
    expect(decodeHeader(sealed)?.keyId).toBe("b-test-1");
    expect((await decrypt(sealed)).equals(plain)).toBe(true);
  });

  it("never writes the plaintext", async () => {
    const plain = Buffer.from("customer phone 0123456789 ".repeat(200));
    const sealed = await encrypt(plain);
    expect(sealed.includes(Buffer.from("0123456789"))).toBe(false);
  });

  it("refuses a file with one flipped byte in a middle chunk", async () => {
    const sealed = await encrypt(crypto.randomBytes(10_000));
    sealed[sealed.length - 3000] = sealed[sealed.length - 3000]! ^ 0x01;
    await expect(decrypt(sealed)).rejects.toThrow(BackupCorruptError);
    await expect(decrypt(sealed)).rejects.toThrow(/fails authentication/);
  });

  it("refuses a file with an altered header (key id and chunk size are authenticated)", async () => {
    const sealed = await encrypt(crypto.randomBytes(5000));
    sealed[12] = sealed[12]! ^ 0x01; // inside the nonce prefix
    await expect(decrypt(sealed)).rejects.toThrow(BackupCorruptError);
  });

  it("refuses a truncated file, even cut exactly at a chunk boundary", async () => {
    const sealed = await encrypt(crypto.randomBytes(5000), 1024);
    const headerBytes = decodeHeader(sealed)!.raw.length;
    await expect(decrypt(sealed.subarray(0, sealed.length - 10))).rejects.toThrow(/truncated/);
    await expect(decrypt(sealed.subarray(0, headerBytes + 2 * (1024 + 16)))).rejects.toThrow(/truncated or altered/);
    await expect(decrypt(sealed.subarray(0, headerBytes))).rejects.toThrow(/truncated/);
    await expect(decrypt(sealed.subarray(0, 10))).rejects.toThrow(/truncated/);
  });

  it("refuses reordered chunks", async () => {
    const sealed = await encrypt(crypto.randomBytes(3 * 1024 + 10), 1024);
    const h = decodeHeader(sealed)!.raw.length;
    const unit = 1024 + 16;
    const swapped = Buffer.concat([sealed.subarray(0, h), sealed.subarray(h + unit, h + 2 * unit), sealed.subarray(h, h + unit), sealed.subarray(h + 2 * unit)]);
    await expect(decrypt(swapped)).rejects.toThrow(BackupCorruptError);
  });

  it("names the missing key when the key ring does not hold the file's key id", async () => {
    const sealed = await encrypt(crypto.randomBytes(100));
    await expect(decrypt(sealed, new Map([["b-other", key]]))).rejects.toThrow(BackupKeyMissingError);
    await expect(decrypt(sealed, new Map([["b-other", key]]))).rejects.toThrow(/b-test-1/);
  });

  it("fails authentication with a different key under the same id", async () => {
    const sealed = await encrypt(crypto.randomBytes(100));
    await expect(decrypt(sealed, new Map([["b-test-1", crypto.randomBytes(32)]]))).rejects.toThrow(BackupCorruptError);
  });

  it("refuses what is not a backup file", async () => {
    await expect(decrypt(Buffer.from("PK\u0003\u0004 not a backup at all, a zip"))).rejects.toThrow(/Not a Voltura backup/);
  });
});
