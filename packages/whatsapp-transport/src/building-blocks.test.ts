import { describe, expect, it } from "vitest";
import { BoundedMap, RecentIds } from "./bounded-map.js";
import { IdempotencyKeyReusedError } from "./errors.js";
import { IdempotentSends, mediaFingerprint, textFingerprint } from "./idempotent-sends.js";
import { ReceiptTracker } from "./receipt-tracker.js";
import { TransportEmitter } from "./typed-emitter.js";

describe("BoundedMap", () => {
  it("forgets the least recently used entry beyond its capacity", () => {
    const map = new BoundedMap<string, number>(2);
    map.set("a", 1).set("b", 2);
    expect(map.get("a")).toBe(1); // a is now the most recent
    map.set("c", 3);
    expect([map.has("a"), map.has("b"), map.has("c")]).toEqual([true, false, true]);
    expect(map.size).toBe(2);
  });

  it("refuses a capacity below 1", () => {
    expect(() => new BoundedMap(0)).toThrow(RangeError);
  });
});

describe("RecentIds", () => {
  it("reports the first sighting only, within its memory", () => {
    const ids = new RecentIds(2);
    expect([ids.firstSighting("x"), ids.firstSighting("x"), ids.firstSighting("y")]).toEqual([true, false, true]);
    ids.firstSighting("z"); // pushes x out
    expect(ids.firstSighting("x")).toBe(true);
  });
});

describe("IdempotentSends", () => {
  it("sends once per key and returns the first id to retries", async () => {
    const sends = new IdempotentSends();
    let sent = 0;
    const send = async () => `id-${++sent}`;
    expect(await sends.run("k", "f", send)).toBe("id-1");
    expect(await sends.run("k", "f", send)).toBe("id-1");
    expect(sent).toBe(1);
  });

  it("forgets a failed send so the retry really sends", async () => {
    const sends = new IdempotentSends();
    await expect(sends.run("k", "f", async () => Promise.reject(new Error("socket down")))).rejects.toThrow("socket down");
    expect(await sends.run("k", "f", async () => "id-2")).toBe("id-2");
  });

  it("refuses the same key for a different message", async () => {
    const sends = new IdempotentSends();
    await sends.run("k", textFingerprint("+60123456789", "A"), async () => "id-1");
    await expect(sends.run("k", textFingerprint("+60123456789", "B"), async () => "id-2")).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
  });

  it("keeps only the most recent keys", async () => {
    const sends = new IdempotentSends(1);
    await sends.run("a", "f", async () => "id-a");
    await sends.run("b", "f", async () => "id-b");
    expect(await sends.run("a", "f", async () => "id-a2")).toBe("id-a2");
  });

  it("fingerprints media by content", () => {
    const pdf = { kind: "document" as const, data: new Uint8Array([1, 2, 3]) };
    expect(mediaFingerprint("+60123456789", pdf)).toBe(mediaFingerprint("+60123456789", { ...pdf, data: new Uint8Array([1, 2, 3]) }));
    expect(mediaFingerprint("+60123456789", pdf)).not.toBe(mediaFingerprint("+60123456789", { ...pdf, data: new Uint8Array([1, 2]) }));
  });
});

describe("ReceiptTracker", () => {
  it("moves forward only", () => {
    const tracker = new ReceiptTracker();
    tracker.registerOutbound("m1", "+60123456789");
    expect(["sent", "read", "delivered", "read"].map((s) => tracker.advance("m1", s as "sent"))).toEqual([true, true, false, false]);
    expect(tracker.statusOf("m1")).toBe("read");
  });

  it("keeps a receipt that arrived before the send returned and adds the recipient", () => {
    const tracker = new ReceiptTracker();
    expect(tracker.advance("m2", "sent")).toBe(true);
    tracker.registerOutbound("m2", "+60123456789");
    expect(tracker.statusOf("m2")).toBe("sent");
    expect(tracker.recipientOf("m2")).toBe("+60123456789");
  });
});

describe("TransportEmitter", () => {
  it("routes a throwing listener to error listeners and keeps notifying the others", () => {
    const unhandled: Error[] = [];
    const emitter = new TransportEmitter((error) => unhandled.push(error));
    const errors: Error[] = [];
    const got: string[] = [];
    emitter.on("qr", () => {
      throw new Error("listener bug");
    });
    emitter.on("qr", (code) => got.push(code));
    emitter.on("error", (error) => errors.push(error));
    emitter.emit("qr", "CODE");
    expect(got).toEqual(["CODE"]);
    expect(errors.map((e) => e.message)).toEqual(["listener bug"]);
    expect(unhandled).toEqual([]);
  });

  it("hands errors to onUnhandledError when nobody listens, and unsubscribes", () => {
    const unhandled: Error[] = [];
    const emitter = new TransportEmitter((error) => unhandled.push(error));
    const off = emitter.on("qr", () => {
      throw new Error("boom");
    });
    emitter.emit("qr", "A");
    off();
    emitter.emit("qr", "B");
    emitter.emit("error", new Error("direct"));
    expect(unhandled.map((e) => e.message)).toEqual(["boom", "direct"]);
  });
});
