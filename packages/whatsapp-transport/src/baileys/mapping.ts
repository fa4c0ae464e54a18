import { jidToE164 } from "../phone.js";
import type { InboundMedia, MediaKind, ReceiptStatus } from "../types.js";
import {
  WAMessageStatus,
  type BaileysMediaMessage,
  type BaileysMessageContent,
  type BaileysMessageKey,
  type BaileysWAMessage,
  type LongLike,
} from "./baileys-types.js";

/** The DisconnectReason in a Baileys close: a Boom's output.statusCode (or a plain statusCode). */
export function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const boom = error as { output?: { statusCode?: unknown }; statusCode?: unknown };
  const code = boom.output?.statusCode ?? boom.statusCode;
  return typeof code === "number" ? code : undefined;
}

/**
 * The WhatsApp status code of a refused send: an error node's code (Baileys puts it in a Boom's
 * `data`, e.g. 463, 401, 403, with statusCode 500), else the Boom's own statusCode.
 */
export function refusalStatusOf(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null) {
    const data = (error as { data?: unknown }).data;
    if (typeof data === "number" && Number.isInteger(data) && data > 0) return data;
  }
  return statusCodeOf(error);
}

export function receiptStatusOf(status: number | null | undefined): ReceiptStatus | null {
  switch (status) {
    case WAMessageStatus.SERVER_ACK:
      return "sent";
    case WAMessageStatus.DELIVERY_ACK:
      return "delivered";
    case WAMessageStatus.READ:
    case WAMessageStatus.PLAYED:
      return "read";
    default:
      return null;
  }
}

function toNumber(value: number | LongLike | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === "number" ? value : value.toNumber();
}

/** Peels the wrappers WhatsApp puts around content (disappearing, view-once, captioned document). */
export function unwrapContent(content: BaileysMessageContent | null | undefined): BaileysMessageContent | null {
  let current = content ?? null;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const inner =
      current.ephemeralMessage?.message ??
      current.viewOnceMessage?.message ??
      current.viewOnceMessageV2?.message ??
      current.documentWithCaptionMessage?.message;
    if (!inner) break;
    current = inner;
  }
  return current;
}

const MEDIA_FIELDS: [MediaKind, keyof BaileysMessageContent][] = [
  ["image", "imageMessage"],
  ["video", "videoMessage"],
  ["audio", "audioMessage"],
  ["document", "documentMessage"],
  ["sticker", "stickerMessage"],
];

function mediaOf(content: BaileysMessageContent): { media: InboundMedia; caption: string } | null {
  for (const [kind, field] of MEDIA_FIELDS) {
    const found = content[field] as BaileysMediaMessage | null | undefined;
    if (!found) continue;
    const sizeBytes = toNumber(found.fileLength);
    return {
      caption: found.caption ?? "",
      media: {
        kind,
        ...(found.mimetype ? { mimeType: found.mimetype } : {}),
        ...(found.fileName ? { fileName: found.fileName } : {}),
        ...(sizeBytes !== undefined ? { sizeBytes } : {}),
      },
    };
  }
  return null;
}

/** The customer's phone JID: remoteJid, or its phone alternate when WhatsApp addressed by LID. */
export function senderJidOf(key: BaileysMessageKey): string | null {
  const remote = key.remoteJid ?? null;
  if (remote?.endsWith("@lid")) return key.senderPn ?? key.remoteJidAlt ?? null;
  return remote;
}

export type InboundMapping =
  | { kind: "message"; candidate: Record<string, unknown> }
  | { kind: "skip"; why: string }
  | { kind: "invalid"; why: string };

/**
 * Turns one Baileys message into an inbound candidate (validated by the transport), skips what
 * is not a customer writing to us (own messages, groups, broadcasts, reactions, protocol noise),
 * and reports what should have been a message but cannot be read.
 */
export function inboundFromBaileys(message: BaileysWAMessage, now: Date): InboundMapping {
  const { key } = message;
  if (key.fromMe) return { kind: "skip", why: "own message" };
  const remote = key.remoteJid ?? "";
  if (/@(g\.us|broadcast|newsletter)$/.test(remote)) return { kind: "skip", why: `not a direct chat (${remote})` };
  const content = unwrapContent(message.message);
  if (!content) return { kind: "skip", why: "no content" };
  const media = mediaOf(content);
  const text = content.conversation ?? content.extendedTextMessage?.text ?? media?.caption ?? null;
  if (text === null && !media) return { kind: "skip", why: "not a text or media message" };
  const from = jidToE164(senderJidOf(key));
  if (!from) return { kind: "invalid", why: `cannot read a phone number from ${remote}` };
  const seconds = toNumber(message.messageTimestamp);
  const timestamp = seconds ? new Date(seconds * 1000) : now;
  return {
    kind: "message",
    candidate: {
      id: key.id,
      from,
      text: text ?? "",
      ...(media ? { media: media.media } : {}),
      ...(message.pushName ? { pushName: message.pushName } : {}),
      timestamp: timestamp.toISOString(),
    },
  };
}
