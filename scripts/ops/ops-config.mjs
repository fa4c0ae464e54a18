// What the operations commands share: the dev profile's environment (scripts/lib/env.mjs), the local
// PostgreSQL brought up when no DATABASE_URL is given, and @voltura/db-ops's configuration from it.
import { dbOpsConfigFromEnv } from "@voltura/db-ops";
import { devEnv } from "../lib/env.mjs";
import { ensurePostgres } from "../lib/services.mjs";

export async function operationsConfig() {
  // An installed shop (compose's `restore` service) gives everything: nothing local to derive or start.
  if (process.env.DATABASE_URL && process.env.VOLTURA_KEYS_FILE && process.env.BACKUP_DIR) {
    return { env: { ...process.env }, cfg: dbOpsConfigFromEnv(process.env) };
  }
  const env = devEnv();
  if (!env.DATABASE_GIVEN) await ensurePostgres();
  const merged = { ...process.env, ...env };
  return { env: merged, cfg: dbOpsConfigFromEnv(merged) };
}

const pad = (n) => String(n).padStart(2, "0");
export function clock(iso) {
  const at = new Date(iso);
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

export function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
