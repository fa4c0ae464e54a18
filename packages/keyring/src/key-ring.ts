import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { KEY_PURPOSES, KEYS_FILE_ENV, KEYS_FILE_FORMAT, KeyRingError, newKeyId, readKeyRingFile, writeKeyRingFile, type KeyPurpose, type KeyRingFile } from "./key-file.js";

export interface KeyRing {
  current(purpose: KeyPurpose): { id: string; key: Buffer };
  get(purpose: KeyPurpose, id: string): Buffer | undefined;
  ids(purpose: KeyPurpose): string[];
}

/** An in-memory ring from a parsed file (keys decoded once). */
export function keyRingFromFile(content: KeyRingFile): KeyRing {
  const decoded = Object.fromEntries(
    KEY_PURPOSES.map((purpose) => [
      purpose,
      new Map(Object.entries(content[purpose].keys).map(([id, material]) => [id, Buffer.from(material, "base64")])),
    ]),
  ) as Record<KeyPurpose, Map<string, Buffer>>;
  return {
    current(purpose) {
      const id = content[purpose].current;
      return { id, key: Buffer.from(decoded[purpose].get(id)!) };
    },
    get(purpose, id) {
      const key = decoded[purpose].get(id);
      return key ? Buffer.from(key) : undefined;
    },
    ids(purpose) {
      return [...decoded[purpose].keys()];
    },
  };
}

/** Loads the ring from `file`, else from `env.VOLTURA_KEYS_FILE`; errors name the variable. */
export function loadKeyRing(options: { file?: string; env?: NodeJS.ProcessEnv } = {}): KeyRing {
  const file = options.file ?? (options.env ?? process.env)[KEYS_FILE_ENV]?.trim();
  if (!file) throw new KeyRingError(`${KEYS_FILE_ENV} is not set: it must name the key ring file (format voltura-keys/1)`);
  return keyRingFromFile(readKeyRingFile(file));
}

/** Adds a fresh key for `purpose` and makes it current; the previous keys stay for reading. */
export function addKey(file: string, purpose: KeyPurpose): { id: string; previous: string } {
  const content = readKeyRingFile(file);
  const previous = content[purpose].current;
  let id = newKeyId(purpose);
  while (Object.hasOwn(content[purpose].keys, id)) id = newKeyId(purpose);
  const next: KeyRingFile = {
    ...content,
    [purpose]: { current: id, keys: { ...content[purpose].keys, [id]: randomBytes(32).toString("base64") } },
  };
  writeKeyRingFile(file, next);
  return { id, previous };
}

/** Removes an old key (values still sealed with it become unreadable). Refuses the current key; an absent id is a no-op. */
export function retireKey(file: string, purpose: KeyPurpose, id: string): void {
  const content = readKeyRingFile(file);
  if (content[purpose].current === id) throw new KeyRingError(`${KEYS_FILE_ENV}: ${id} is the current ${purpose} key and cannot be retired`);
  if (!Object.hasOwn(content[purpose].keys, id)) return;
  const keys = Object.fromEntries(Object.entries(content[purpose].keys).filter(([keyId]) => keyId !== id));
  writeKeyRingFile(file, { ...content, [purpose]: { current: content[purpose].current, keys } });
}

/** Writes a new ring (one key per purpose) to `file` unless it exists; returns the file. For installs and tests. */
export function createKeyRingFile(file: string): string {
  if (existsSync(file)) return file;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const entry = (purpose: KeyPurpose) => {
    const id = newKeyId(purpose);
    return { current: id, keys: { [id]: randomBytes(32).toString("base64") } };
  };
  writeKeyRingFile(file, { format: KEYS_FILE_FORMAT, secrets: entry("secrets"), backup: entry("backup") });
  return file;
}
