import type { E164, OutboundMedia, TemplateMessage } from "../types.js";

/** The Graph API's `to`: the number without "+". */
export function waIdOf(phone: E164): string {
  return phone.replace(/^\+/, "");
}

type Payload = Record<string, unknown>;

function envelope(to: E164, correlationId: string | undefined, body: Payload): Payload {
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to: waIdOf(to),
    ...body,
    ...(correlationId ? { biz_opaque_callback_data: correlationId } : {}),
  };
}

export function textPayload(to: E164, text: string, correlationId?: string): Payload {
  return envelope(to, correlationId, { type: "text", text: { body: text, preview_url: false } });
}

/** Media by uploaded id (`source.id`) or by link; audio takes no caption, documents keep their file name. */
export function mediaPayload(to: E164, media: Omit<OutboundMedia, "data" | "url">, source: { id: string } | { link: string }, correlationId?: string): Payload {
  const object: Payload = { ...source };
  if (media.caption && media.kind !== "audio") object.caption = media.caption;
  if (media.fileName && media.kind === "document") object.filename = media.fileName;
  return envelope(to, correlationId, { type: media.kind, [media.kind]: object });
}

/** A template with its header (text params or media) and body parameters, as components. */
export function templatePayload(to: E164, template: TemplateMessage, correlationId?: string): Payload {
  const components: Payload[] = [];
  if (template.headerMedia) {
    const { kind, url, id } = template.headerMedia;
    components.push({ type: "header", parameters: [{ type: kind, [kind]: id ? { id } : { link: url } }] });
  } else if (template.headerParams?.length) {
    components.push({ type: "header", parameters: template.headerParams.map((text) => ({ type: "text", text })) });
  }
  if (template.bodyParams.length) {
    components.push({ type: "body", parameters: template.bodyParams.map((text) => ({ type: "text", text })) });
  }
  return envelope(to, correlationId, {
    type: "template",
    template: { name: template.name, language: { code: template.language }, ...(components.length ? { components } : {}) },
  });
}

/** Marks an inbound message read; with `typing`, also shows "typing…" (up to 25 s or until the reply). */
export function readPayload(messageId: string, typing = false): Payload {
  return {
    messaging_product: "whatsapp",
    status: "read",
    message_id: messageId,
    ...(typing ? { typing_indicator: { type: "text" } } : {}),
  };
}

const DEFAULT_MIME: Record<OutboundMedia["kind"], string> = {
  image: "image/jpeg",
  video: "video/mp4",
  audio: "audio/ogg",
  document: "application/octet-stream",
};

/** The multipart form for POST /{phone-number-id}/media. */
export function mediaUploadForm(media: OutboundMedia & { data: Uint8Array }): FormData {
  const type = media.mimeType ?? DEFAULT_MIME[media.kind];
  const form = new FormData();
  form.set("messaging_product", "whatsapp");
  form.set("type", type);
  form.set("file", new Blob([new Uint8Array(media.data)], { type }), media.fileName ?? `${media.kind}`);
  return form;
}
