import { createHash } from "node:crypto";
import { BoundedMap } from "./bounded-map.js";
import { IdempotencyKeyReusedError } from "./errors.js";
import type { OutboundMedia, TemplateMessage } from "./types.js";

interface Entry {
  fingerprint: string;
  messageId: Promise<string>;
}

/**
 * Remembers idempotencyKey → message id (the most recent `capacity` keys). A retried send with the
 * same key gets the first id back without sending again, including while the first send is still
 * in flight. A failed send is forgotten so a retry really sends.
 */
export class IdempotentSends {
  private readonly byKey: BoundedMap<string, Entry>;

  constructor(capacity = 5_000) {
    this.byKey = new BoundedMap(capacity);
  }

  async run(idempotencyKey: string, fingerprint: string, send: () => Promise<string>): Promise<string> {
    const existing = this.byKey.get(idempotencyKey);
    if (existing) {
      if (existing.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError(idempotencyKey);
      return existing.messageId;
    }
    const entry: Entry = { fingerprint, messageId: send() };
    this.byKey.set(idempotencyKey, entry);
    try {
      return await entry.messageId;
    } catch (error) {
      if (this.byKey.has(idempotencyKey) && this.byKey.get(idempotencyKey) === entry) this.byKey.delete(idempotencyKey);
      throw error;
    }
  }
}

function sha256(input: string | Uint8Array): string {
  return createHash("sha256").update(input).digest("hex");
}

export function textFingerprint(to: string, text: string): string {
  return sha256(JSON.stringify(["text", to, text]));
}

export function mediaFingerprint(to: string, media: OutboundMedia): string {
  const content = media.data ? sha256(media.data) : media.url;
  return sha256(JSON.stringify(["media", to, media.kind, media.mimeType, media.caption, media.fileName, content]));
}

export function templateFingerprint(to: string, template: TemplateMessage): string {
  const { name, language, bodyParams, headerParams, headerMedia } = template;
  return sha256(JSON.stringify(["template", to, name, language, bodyParams, headerParams ?? null, headerMedia ?? null]));
}
