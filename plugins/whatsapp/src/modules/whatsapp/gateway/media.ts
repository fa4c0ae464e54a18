import type { OutboundMedia } from "@voltura/whatsapp-transport";
import type { MessageMedia } from "../models/whatsapp-message";

/** The largest media file the gateway fetches to send (WhatsApp's own document limit is higher). */
export const MAX_MEDIA_BYTES = 64 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 20_000;

/** The WhatsApp media kind for a MIME type: pictures, videos and voice notes by type, the rest as documents. */
export function mediaKindOf(mimetype: string | undefined): OutboundMedia["kind"] {
  if (mimetype?.startsWith("image/")) return "image";
  if (mimetype?.startsWith("video/")) return "video";
  if (mimetype?.startsWith("audio/")) return "audio";
  return "document";
}

/** The transport's media: the URL (the simulator only records it) or the bytes the gateway fetched. */
export function toOutboundMedia(media: MessageMedia, body: string, data?: Uint8Array<ArrayBuffer>): OutboundMedia {
  const caption = media.caption ?? (body.trim() ? body : undefined);
  const common = {
    kind: mediaKindOf(media.mimetype),
    ...(media.mimetype ? { mimeType: media.mimetype } : {}),
    ...(media.filename ? { fileName: media.filename } : {}),
    ...(caption ? { caption } : {}),
  };
  return data ? { ...common, data } : { ...common, url: media.url! };
}

/**
 * Fetches a checked media URL for sending: no redirects (a listed host cannot bounce the request
 * somewhere internal), a timeout and a size cap. The transport gets bytes, never a URL to fetch.
 */
export async function fetchMediaBytes(url: string, fetchImpl: typeof fetch = fetch): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetchImpl(url, { redirect: "error", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`media ${url} answered ${response.status}`);
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > MAX_MEDIA_BYTES) throw new Error(`media ${url} is larger than ${MAX_MEDIA_BYTES} bytes`);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_MEDIA_BYTES) {
      await reader.cancel();
      throw new Error(`media ${url} is larger than ${MAX_MEDIA_BYTES} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
