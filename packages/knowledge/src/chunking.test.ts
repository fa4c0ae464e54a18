import { describe, expect, it } from "vitest";
import { chunkDocument, chunkId, parsePriceLine } from "./chunking.js";

const sentence = (i: number) => `Ayat nombor ${i} menerangkan polisi waranti kedai kami dengan jelas dan terperinci untuk pelanggan.`;

describe("parsePriceLine", () => {
  it("parses item, variant and price in sen", () => {
    expect(parsePriceLine("iPhone 13 screen (OEM) — RM 350")).toEqual({
      item: "iPhone 13 screen", variant: "OEM", price_sen: 35000, price_text: "RM 350",
    });
    expect(parsePriceLine("- Samsung A54 battery - RM1,250.50")).toMatchObject({ item: "Samsung A54 battery", variant: null, price_sen: 125050 });
  });
  it("returns null for non-price lines", () => {
    expect(parsePriceLine("Harga termasuk upah pasang.")).toBeNull();
    expect(parsePriceLine("")).toBeNull();
  });
});

describe("chunkDocument (prose)", () => {
  const body = Array.from({ length: 30 }, (_, i) => sentence(i)).join(" ") + "\n\n" + "Perenggan kedua. Ia pendek.";
  const doc = { id: "policy-warranty", kind: "policy" as const, title: "Waranti", body, language: "ms" as const };

  it("makes 500–800 char chunks on sentence boundaries with overlap", () => {
    const chunks = chunkDocument(doc);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks.slice(0, -1)) {
      expect(c.content.length).toBeGreaterThanOrEqual(500);
      expect(c.content.length).toBeLessThanOrEqual(800);
      expect(c.content).toMatch(/[.!?]$/);
    }
    for (let i = 1; i < chunks.length; i++) {
      const firstSentence = chunks[i]!.content.split(/(?<=\.)\s/)[0]!;
      expect(chunks[i - 1]!.content).toContain(firstSentence);
    }
  });

  it("gives stable ids from document id + index and metadata", () => {
    const a = chunkDocument(doc);
    const b = chunkDocument(doc);
    expect(a.map((c) => c.id)).toEqual(b.map((c) => c.id));
    expect(a[1]!.id).toBe(chunkId("policy-warranty", 1));
    expect(new Set(a.map((c) => c.id)).size).toBe(a.length);
    expect(chunkId("other-doc", 1)).not.toBe(a[1]!.id);
    expect(a[0]!.metadata).toMatchObject({ chunk_index: 0, chunk_count: a.length, char_start: 0 });
    expect(a[0]).toMatchObject({ documentId: "policy-warranty", kind: "policy", title: "Waranti", language: "ms" });
  });

  it("keeps a short document as one chunk", () => {
    const chunks = chunkDocument({ ...doc, id: "short", body: "Kami buka 10 pagi. Tutup 8 malam." });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.content).toBe("Kami buka 10 pagi. Tutup 8 malam.");
  });

  it("splits an overlong sentence without losing text", () => {
    const long = Array.from({ length: 300 }, (_, i) => `kata${i}`).join(" ");
    const chunks = chunkDocument({ ...doc, id: "long", body: long });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.content.length).toBeLessThanOrEqual(800);
    expect(chunks.map((c) => c.content).join(" ")).toContain("kata299");
  });
});

describe("chunkDocument (price list)", () => {
  it("keeps one item per chunk with structured price fields", () => {
    const chunks = chunkDocument({
      id: "prices-apple", kind: "price_list", title: "Harga Apple", language: "mixed",
      body: "iPhone 13 screen (OEM) — RM 350\niPhone 13 screen (Original) — RM 720\niPhone 13 battery — RM 180\n\nHarga termasuk upah pasang.",
    });
    const priced = chunks.filter((c) => c.metadata.price);
    expect(priced).toHaveLength(3);
    expect(priced[0]!.content).toBe("Harga Apple: iPhone 13 screen (OEM) — RM 350");
    expect(priced[0]!.metadata.price).toEqual({ item: "iPhone 13 screen", variant: "OEM", price_sen: 35000, price_text: "RM 350" });
    expect(priced[1]!.metadata.price?.price_sen).toBe(72000);
    expect(chunks.find((c) => !c.metadata.price)?.content).toBe("Harga termasuk upah pasang.");
  });
});
