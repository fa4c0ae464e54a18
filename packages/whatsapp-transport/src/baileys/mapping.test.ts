import { describe, expect, it } from "vitest";
import type { BaileysWAMessage } from "./baileys-types.js";
import { inboundFromBaileys, receiptStatusOf, statusCodeOf, unwrapContent } from "./mapping.js";

const now = new Date("2026-11-24T02:00:00.000Z");
const customer = "60123456789@s.whatsapp.net";

function incoming(message: BaileysWAMessage["message"], key: Partial<BaileysWAMessage["key"]> = {}): BaileysWAMessage {
  return { key: { remoteJid: customer, fromMe: false, id: "ABC", ...key }, message, messageTimestamp: 1_790_000_000 };
}

describe("inboundFromBaileys", () => {
  it("reads a plain conversation text", () => {
    const mapped = inboundFromBaileys({ ...incoming({ conversation: "Dah siap ke?" }), pushName: "Ali" }, now);
    expect(mapped).toEqual({
      kind: "message",
      candidate: { id: "ABC", from: "+60123456789", text: "Dah siap ke?", pushName: "Ali", timestamp: "2026-09-21T14:13:20.000Z" },
    });
  });

  it("reads extended text, disappearing and view-once wrappers, and Long timestamps", () => {
    const mapped = inboundFromBaileys(
      {
        key: { remoteJid: customer, id: "X" },
        message: { ephemeralMessage: { message: { extendedTextMessage: { text: "how much ah" } } } },
        messageTimestamp: { toNumber: () => 1_790_000_000 },
      },
      now,
    );
    expect(mapped).toMatchObject({ kind: "message", candidate: { text: "how much ah", timestamp: "2026-09-21T14:13:20.000Z" } });
    expect(unwrapContent({ viewOnceMessageV2: { message: { imageMessage: { caption: "c" } } } })).toEqual({ imageMessage: { caption: "c" } });
  });

  it("describes media with its caption as the text", () => {
    const mapped = inboundFromBaileys(
      incoming({ imageMessage: { caption: "Screen pecah", mimetype: "image/jpeg", fileLength: { toNumber: () => 2048 } } }),
      now,
    );
    expect(mapped).toMatchObject({
      kind: "message",
      candidate: { text: "Screen pecah", media: { kind: "image", mimeType: "image/jpeg", sizeBytes: 2048 } },
    });
    const voice = inboundFromBaileys(incoming({ audioMessage: { mimetype: "audio/ogg; codecs=opus" } }), now);
    expect(voice).toMatchObject({ candidate: { text: "", media: { kind: "audio" } } });
    const doc = inboundFromBaileys(incoming({ documentWithCaptionMessage: { message: { documentMessage: { fileName: "resit.pdf", caption: "resit" } } } }), now);
    expect(doc).toMatchObject({ candidate: { text: "resit", media: { kind: "document", fileName: "resit.pdf" } } });
  });

  it("uses the phone number when WhatsApp addresses the sender by LID", () => {
    const mapped = inboundFromBaileys(incoming({ conversation: "hi" }, { remoteJid: "123456789012345@lid", senderPn: customer }), now);
    expect(mapped).toMatchObject({ kind: "message", candidate: { from: "+60123456789" } });
    const v7 = inboundFromBaileys(incoming({ conversation: "hi" }, { remoteJid: "123456789012345@lid", remoteJidAlt: customer }), now);
    expect(v7).toMatchObject({ kind: "message", candidate: { from: "+60123456789" } });
    expect(inboundFromBaileys(incoming({ conversation: "hi" }, { remoteJid: "123456789012345@lid" }), now).kind).toBe("invalid");
  });

  it("skips own messages, groups, broadcasts, newsletters and non-messages", () => {
    const skips = [
      incoming({ conversation: "x" }, { fromMe: true }),
      incoming({ conversation: "x" }, { remoteJid: "120363025246125486@g.us" }),
      incoming({ conversation: "x" }, { remoteJid: "status@broadcast" }),
      incoming({ conversation: "x" }, { remoteJid: "1203@newsletter" }),
      incoming(null),
      incoming({}),
    ];
    expect(skips.map((message) => inboundFromBaileys(message, now).kind)).toEqual(Array(6).fill("skip"));
  });

  it("falls back to now without a timestamp", () => {
    const mapped = inboundFromBaileys({ key: { remoteJid: customer, id: "T" }, message: { conversation: "hi" } }, now);
    expect(mapped).toMatchObject({ candidate: { timestamp: now.toISOString() } });
  });
});

describe("receiptStatusOf / statusCodeOf", () => {
  it("maps WebMessageInfo.Status to receipt statuses", () => {
    expect([0, 1, 2, 3, 4, 5, null, undefined].map(receiptStatusOf)).toEqual([
      null,
      null,
      "sent",
      "delivered",
      "read",
      "read",
      null,
      null,
    ]);
  });

  it("reads the status code from a Boom, a plain error or nothing", () => {
    expect(statusCodeOf(Object.assign(new Error("x"), { output: { statusCode: 440 } }))).toBe(440);
    expect(statusCodeOf({ statusCode: 515 })).toBe(515);
    expect(statusCodeOf(new Error("plain"))).toBeUndefined();
    expect(statusCodeOf(undefined)).toBeUndefined();
  });
});
