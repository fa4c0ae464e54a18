type Env = Record<string, string | undefined>;

/**
 * WHATSAPP_SIMULATOR: the simulator (its sessions, the inbound/receipt routes and the console page)
 * is on unless set to `off` (also `false` / `0` / `no`). Production numbers set it off.
 */
export function simulatorEnabled(env: Env = process.env): boolean {
  const value = env.WHATSAPP_SIMULATOR?.trim().toLowerCase();
  return !value || !["off", "false", "0", "no"].includes(value);
}

/**
 * WHATSAPP_MEDIA_ALLOWED_HOSTS: comma-separated hosts media may be fetched from besides the shop's
 * own files, as `host` (any port) or `host:port`. Empty by default.
 */
export function mediaAllowedHosts(env: Env = process.env): string[] {
  return (env.WHATSAPP_MEDIA_ALLOWED_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/** The local file provider's default public base, the same as commerce's env.ts uses. */
const LOCAL_FILE_BACKEND_URL = "http://127.0.0.1:9000/static";

/**
 * Where the shop itself serves files and document links: the configured commerce URLs and the file
 * module's public base. Taken from configuration, never from a request's Host header.
 */
export function platformOrigins(env: Env = process.env): string[] {
  const candidates = [env.MEDUSA_URL, env.MEDUSA_BACKEND_URL, env.FILE_BACKEND_URL ?? (env.S3_BUCKET ? undefined : LOCAL_FILE_BACKEND_URL)];
  return [...new Set(candidates.map(originOf).filter((o): o is string => Boolean(o)))];
}

/** The S3 (or CDN) base of stored files, when files live in S3. */
export function storedFileBase(env: Env = process.env): string | null {
  const base = env.S3_BUCKET ? env.S3_FILE_URL?.trim() : undefined;
  return base ? base.replace(/\/+$/, "") : null;
}
