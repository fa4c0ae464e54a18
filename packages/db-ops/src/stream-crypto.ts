import crypto from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

/**
 * The encrypted backup file: a header, then the payload in chunks, each AES-256-GCM sealed on its own.
 *
 *   header  = "VSBK" | version u8 (1) | chunk size u32 BE | nonce prefix (7 random bytes) | key id length u8 | key id (ASCII)
 *   chunk i = ciphertext (chunk size bytes; the last one 0..chunk size) | GCM tag (16)
 *   nonce i = nonce prefix | i as u32 BE | 1 on the last chunk, else 0        AAD = the whole header
 *
 * The counter in the nonce makes reordered chunks fail, the last-chunk flag makes a truncated file fail
 * (its new last chunk was sealed as "not last"), the header as AAD binds the key id and chunk size.
 */
export const BACKUP_MAGIC = Buffer.from("VSBK", "ascii");
export const BACKUP_FILE_VERSION = 1;
export const DEFAULT_CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const PREFIX_BYTES = 7;
const MAX_CHUNK_BYTES = 16 * 1024 * 1024;

/** The backup file is damaged, truncated, altered, or not a backup: nothing in it can be trusted. */
export class BackupCorruptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupCorruptError";
  }
}

/** The key ring does not hold the key the backup was made with. */
export class BackupKeyMissingError extends Error {
  constructor(readonly keyId: string) {
    super(`The key ring has no backup key "${keyId}": restore the keys file (VOLTURA_KEYS_FILE) that was in use when this backup was made`);
    this.name = "BackupKeyMissingError";
  }
}

export interface BackupFileHeader { version: number; chunkBytes: number; noncePrefix: Buffer; keyId: string; raw: Buffer }

export function encodeHeader(keyId: string, chunkBytes: number, noncePrefix: Buffer): Buffer {
  const id = Buffer.from(keyId, "ascii");
  if (id.length === 0 || id.length > 255 || !/^[\x21-\x7e]+$/.test(keyId)) throw new Error(`Unusable key id "${keyId}"`);
  if (chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) throw new Error(`Chunk size out of range: ${chunkBytes}`);
  const fixed = Buffer.alloc(4 + 1 + 4 + PREFIX_BYTES + 1);
  BACKUP_MAGIC.copy(fixed, 0);
  fixed.writeUInt8(BACKUP_FILE_VERSION, 4);
  fixed.writeUInt32BE(chunkBytes, 5);
  noncePrefix.copy(fixed, 9);
  fixed.writeUInt8(id.length, 16);
  return Buffer.concat([fixed, id]);
}

/** Parses a header from the start of `data`; null when more bytes are needed. */
export function decodeHeader(data: Buffer): BackupFileHeader | null {
  if (data.length < 17) return data.subarray(0, 4).equals(BACKUP_MAGIC.subarray(0, Math.min(4, data.length))) ? null : notABackup();
  if (!data.subarray(0, 4).equals(BACKUP_MAGIC)) return notABackup();
  const version = data.readUInt8(4);
  if (version !== BACKUP_FILE_VERSION) throw new BackupCorruptError(`Unsupported backup file version ${version} (this app reads version ${BACKUP_FILE_VERSION})`);
  const chunkBytes = data.readUInt32BE(5);
  if (chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) throw new BackupCorruptError(`Backup header is damaged (chunk size ${chunkBytes})`);
  const idLength = data.readUInt8(16);
  if (data.length < 17 + idLength) return null;
  const raw = Buffer.from(data.subarray(0, 17 + idLength));
  return { version, chunkBytes, noncePrefix: raw.subarray(9, 16), keyId: raw.subarray(17).toString("ascii"), raw };
}

function notABackup(): never {
  throw new BackupCorruptError("Not a Voltura backup file (the VSBK header is missing)");
}

function nonceFor(prefix: Buffer, index: number, last: boolean): Buffer {
  if (index > 0xffffffff) throw new Error("Backup too large for one file");
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, PREFIX_BYTES);
  nonce.writeUInt8(last ? 1 : 0, 11);
  return nonce;
}

/** Encrypts a byte stream into the backup file format with the given 32-byte key. */
export function createEncryptStream(key: Buffer, keyId: string, chunkBytes: number = DEFAULT_CHUNK_BYTES): Transform {
  if (key.length !== 32) throw new Error("The backup key must be 32 bytes");
  const header = encodeHeader(keyId, chunkBytes, crypto.randomBytes(PREFIX_BYTES));
  const prefix = header.subarray(9, 16);
  let index = 0;
  let pending: Buffer = Buffer.alloc(0);
  const seal = (plain: Buffer, last: boolean): Buffer => {
    const cipher = crypto.createCipheriv("aes-256-gcm", key, nonceFor(prefix, index++, last));
    cipher.setAAD(header);
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  return new Transform({
    construct(callback) {
      this.push(header);
      callback();
    },
    transform(data: Buffer, _encoding, callback: TransformCallback) {
      pending = pending.length === 0 ? data : Buffer.concat([pending, data]);
      let offset = 0;
      // Keep at least one byte back so the chunk sealed as "last" is never an extra empty one when data remains.
      while (pending.length - offset > chunkBytes) {
        this.push(seal(pending.subarray(offset, offset + chunkBytes), false));
        offset += chunkBytes;
      }
      pending = offset === 0 ? pending : Buffer.from(pending.subarray(offset));
      callback();
    },
    flush(callback: TransformCallback) {
      this.push(seal(pending, true));
      callback();
    },
  });
}

/** Decrypts and authenticates a backup file stream; only authenticated bytes are passed on. */
export function createDecryptStream(keyFor: (keyId: string) => Buffer | undefined, onHeader?: (header: BackupFileHeader) => void): Transform {
  let header: BackupFileHeader | null = null;
  let key: Buffer | undefined;
  let index = 0;
  let pending: Buffer = Buffer.alloc(0);
  const open = (sealed: Buffer, last: boolean): Buffer => {
    if (!header || !key) throw new Error("unreachable: no header");
    if (sealed.length < TAG_BYTES) throw new BackupCorruptError(`The backup file is truncated (chunk ${index} is incomplete)`);
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, nonceFor(header.noncePrefix, index, last));
    decipher.setAAD(header.raw);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
      index++;
      return plain;
    } catch {
      throw new BackupCorruptError(
        last
          ? `The backup file is truncated or altered: its last chunk (${index}) fails authentication`
          : `The backup file is altered or damaged: chunk ${index} fails authentication (or the key "${header.keyId}" in the keys file is not the one it was made with)`,
      );
    }
  };
  return new Transform({
    transform(data: Buffer, _encoding, callback: TransformCallback) {
      try {
        pending = pending.length === 0 ? data : Buffer.concat([pending, data]);
        if (!header) {
          header = decodeHeader(pending);
          if (!header) return callback();
          key = keyFor(header.keyId);
          if (!key) throw new BackupKeyMissingError(header.keyId);
          if (key.length !== 32) throw new Error(`Backup key "${header.keyId}" is not 32 bytes`);
          onHeader?.(header);
          pending = Buffer.from(pending.subarray(header.raw.length));
        }
        const unit = header.chunkBytes + TAG_BYTES;
        let offset = 0;
        while (pending.length - offset > unit) {
          this.push(open(pending.subarray(offset, offset + unit), false));
          offset += unit;
        }
        pending = offset === 0 ? pending : Buffer.from(pending.subarray(offset));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        if (!header) throw new BackupCorruptError("The backup file is truncated (no complete header)");
        this.push(open(pending, true));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
