import type { OutboundMedia } from "@voltura/whatsapp-transport";
import type { MessageMedia } from "../modules/whatsapp/models/whatsapp-message";

/** The WhatsApp media kind for a MIME type: pictures, videos and voice notes by type, the rest as documents. */
export function mediaKindOf(mimetype: string | undefined): OutboundMedia["kind"] {
  if (mimetype?.startsWith("image/")) return "image";
  if (mimetype?.startsWith("video/")) return "video";
  if (mimetype?.startsWith("audio/")) return "audio";
  return "document";
}

export function toOutboundMedia(media: MessageMedia, body: string): OutboundMedia {
  const caption = media.caption ?? (body.trim() ? body : undefined);
  return {
    kind: mediaKindOf(media.mimetype),
    url: media.url!,
    ...(media.mimetype ? { mimeType: media.mimetype } : {}),
    ...(media.filename ? { fileName: media.filename } : {}),
    ...(caption ? { caption } : {}),
  };
}
