import { statSync } from "node:fs";
import { KEYS_FILE_ENV, KeyRingError } from "./key-file.js";
import { loadKeyRing, type KeyRing } from "./key-ring.js";

/**
 * A ring that follows its file: re-read when the file's modification time or size changes (a
 * rotation by `npm run keys:rotate` while the process runs), otherwise the parsed ring is reused.
 * Long-lived processes call the returned function at every use instead of holding one ring.
 */
export function keyRingLoader(options: { file?: string; env?: NodeJS.ProcessEnv } = {}): () => KeyRing {
  const file = options.file ?? (options.env ?? process.env)[KEYS_FILE_ENV]?.trim();
  let cached: { stamp: string; ring: KeyRing } | null = null;
  return () => {
    if (!file) throw new KeyRingError(`${KEYS_FILE_ENV} is not set: it must name the key ring file (format voltura-keys/1)`);
    let stamp: string;
    try {
      const stat = statSync(file);
      stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch (error) {
      throw new KeyRingError(`${KEYS_FILE_ENV}: cannot read the key ring ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (cached?.stamp !== stamp) cached = { stamp, ring: loadKeyRing({ file }) };
    return cached.ring;
  };
}
