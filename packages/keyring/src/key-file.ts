import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, chmodSync, rmSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** The env variable naming the key ring file. */
export const KEYS_FILE_ENV = "VOLTURA_KEYS_FILE";
export const KEYS_FILE_FORMAT = "voltura-keys/1";

export type KeyPurpose = "secrets" | "backup";
export const KEY_PURPOSES: readonly KeyPurpose[] = ["secrets", "backup"];

/** Key ids travel inside sealed values ("vk1.<id>.…") and backup headers: no dots, short. */
const keyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "key ids are letters, digits, '-' or '_'");
const keyMaterialSchema = z
  .string()
  .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, "base64").length === 32, {
    message: "each key is 32 bytes in base64",
  });

const purposeSchema = z
  .object({ current: keyIdSchema, keys: z.record(keyIdSchema, keyMaterialSchema) })
  .refine((entry) => Object.hasOwn(entry.keys, entry.current), { message: "current must name one of keys", path: ["current"] });

export const keyRingFileSchema = z.object({
  format: z.literal(KEYS_FILE_FORMAT),
  secrets: purposeSchema,
  backup: purposeSchema,
});
export type KeyRingFile = z.infer<typeof keyRingFileSchema>;

export class KeyRingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyRingError";
  }
}

/** Reads and validates the key ring file; every error names the variable and the file. */
export function readKeyRingFile(file: string): KeyRingFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new KeyRingError(`${KEYS_FILE_ENV}: cannot read the key ring ${file} (${reason})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyRingError(`${KEYS_FILE_ENV}: ${file} is not JSON`);
  }
  const parsed = keyRingFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "file";
    throw new KeyRingError(`${KEYS_FILE_ENV}: ${file} is not a ${KEYS_FILE_FORMAT} key ring (${where}: ${issue?.message ?? "invalid"})`);
  }
  return parsed.data;
}

/** Writes the whole ring to a temporary file (mode 0600), fsyncs it, then renames it over `file`. */
export function writeKeyRingFile(file: string, ring: KeyRingFile): void {
  const valid = keyRingFileSchema.parse(ring);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const fd = openSync(tmp, "wx", 0o600);
  try {
    writeSync(fd, `${JSON.stringify(valid, null, 2)}\n`);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  syncDirectory(path.dirname(file));
}

function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems refuse fsync on a directory; the rename itself is still atomic.
  }
}

/** `s-20261207-a1b2c3` / `b-20261207-d4e5f6`: purpose letter, UTC day, random suffix. */
export function newKeyId(purpose: KeyPurpose, now: Date = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return `${purpose === "secrets" ? "s" : "b"}-${day}-${randomBytes(3).toString("hex")}`;
}
