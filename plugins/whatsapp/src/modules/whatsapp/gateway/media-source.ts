import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError, Modules } from "@medusajs/framework/utils";
import { mediaAllowedHosts, platformOrigins, storedFileBase } from "./settings";

/** Paths under which the shop serves its own signed document links (no staff token needed). */
const PLATFORM_LINK_PATHS = ["/public/sales-documents/"];

export type MediaSourceVerdict =
  | { ok: true; url: string; source: "file" | "document_link" | "allowed_host" }
  | { ok: false; reason: string };

function refuse(reason: string): MediaSourceVerdict {
  return { ok: false, reason };
}

/** A host named in WHATSAPP_MEDIA_ALLOWED_HOSTS, as `host` (any port) or `host:port`. */
export function hostAllowed(url: URL, allowed: readonly string[]): boolean {
  const host = url.host.toLowerCase();
  const hostname = url.hostname.toLowerCase();
  return allowed.some((entry) => (entry.includes(":") && !entry.startsWith("[") ? entry === host : entry === hostname || entry === host));
}

/** Whether the URL is a file the file module stored (its URL exactly as the module gives it). */
async function isStoredFile(container: MedusaContainer, url: URL): Promise<boolean> {
  const s3Base = storedFileBase();
  if (s3Base && url.href.startsWith(`${s3Base}/`) && !url.pathname.includes("..")) return true;
  const key = decodeURIComponent(url.pathname.split("/").pop() ?? "");
  if (!key || key === "." || key === "..") return false;
  try {
    const file = await container.resolve(Modules.FILE).retrieveFile(key);
    return new URL(file.url).href === url.href;
  } catch {
    return false;
  }
}

/**
 * Where a media URL may be fetched from, server side: only the shop's own stored files, its signed
 * document links (on the configured commerce / file origins), or hosts an operator listed in
 * WHATSAPP_MEDIA_ALLOWED_HOSTS. Everything else (internal addresses, cloud metadata, other schemes)
 * is refused, so a staff member cannot make the gateway fetch what they choose.
 */
export async function checkMediaUrl(container: MedusaContainer, raw: string): Promise<MediaSourceVerdict> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse("is not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return refuse("must be an http(s) URL");
  if (url.username || url.password) return refuse("must not carry credentials");
  if (hostAllowed(url, mediaAllowedHosts())) return { ok: true, url: url.href, source: "allowed_host" };
  if (platformOrigins().includes(url.origin) && PLATFORM_LINK_PATHS.some((p) => url.pathname.startsWith(p))) {
    return { ok: true, url: url.href, source: "document_link" };
  }
  if (await isStoredFile(container, url)) return { ok: true, url: url.href, source: "file" };
  return refuse("only files uploaded to the shop, its document links, or hosts listed in WHATSAPP_MEDIA_ALLOWED_HOSTS can be sent");
}

/** The URL of a file the file module stored, by its id; 400 naming the field when there is none. */
export async function storedFileUrl(container: MedusaContainer, fileId: string, field: string): Promise<string> {
  try {
    const file = await container.resolve(Modules.FILE).retrieveFile(fileId);
    return file.url;
  } catch {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${field}: no uploaded file ${fileId}`);
  }
}

/** The media URL to store for a send: resolved from `file_id`, or checked; 400 naming the field otherwise. */
export async function resolveMediaUrl(container: MedusaContainer, media: { url?: string; file_id?: string }, field = "media"): Promise<string> {
  if (media.file_id) return storedFileUrl(container, media.file_id, `${field}.file_id`);
  const verdict = await checkMediaUrl(container, media.url ?? "");
  if (!verdict.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${field}.url: ${verdict.reason}`);
  return verdict.url;
}
