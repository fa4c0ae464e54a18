import { describe, expect, it } from "vitest";
import { LocalHashEmbedder, cosineSimilarity } from "./local-embedder.js";
import { normaliseText } from "./normalise.js";

const embedder = new LocalHashEmbedder();
const sim = (a: string, b: string) => cosineSimilarity(embedder.embed(a), embedder.embed(b));

describe("normaliseText", () => {
  it("lowercases, strips punctuation and expands BM chat abbreviations", () => {
    expect(normaliseText("Brp harga HP ni??")).toBe("berapa harga handphone ini");
    expect(normaliseText("x boleh on, bukak pkl brp?")).toBe("tak boleh on buka pukul berapa");
    expect(normaliseText("RM 1,250.50 — café!")).toBe("rm 125050 cafe");
    expect(normaliseText("bukaaaa x? sdh siap")).toBe("buka tak dah siap");
  });
});

describe("LocalHashEmbedder", () => {
  it("is deterministic and has the configured dimensions", async () => {
    const a = await embedder.embedQuery("berapa harga tukar screen iphone 13");
    const b = await new LocalHashEmbedder().embedQuery("berapa harga tukar screen iphone 13");
    expect(a).toHaveLength(384);
    expect(embedder.dimensions).toBe(384);
    expect(a).toEqual(b);
    expect(new LocalHashEmbedder({ dimensions: 64 }).embed("hello")).toHaveLength(64);
  });

  it("returns L2-normalised vectors (zero vector for empty text)", async () => {
    const [v] = await embedder.embedDocuments(["Kedai buka 10 pagi hingga 8 malam"]);
    expect(Math.hypot(...v!)).toBeCloseTo(1, 10);
    expect(embedder.embed("?!").every((x) => x === 0)).toBe(true);
  });

  it("treats abbreviations and case/punctuation as the same text", () => {
    expect(sim("brp harga hp", "Berapa harga handphone?")).toBeCloseTo(1, 10);
  });

  it("puts similar texts closer than unrelated ones", () => {
    const query = "how much to replace iPhone 13 screen";
    expect(sim(query, "iPhone 13 screen replacement price RM 350")).toBeGreaterThan(sim(query, "Kedai tutup pada hari Ahad"));
    expect(sim("bukak pukul berapa", "Waktu buka: 10 pagi")).toBeGreaterThan(sim("bukak pukul berapa", "Samsung battery RM 150"));
  });

  it("rejects invalid dimensions", () => {
    expect(() => new LocalHashEmbedder({ dimensions: 3 })).toThrow(/dimensions/);
  });
});

describe("cosineSimilarity", () => {
  it("computes cosine and guards dimension mismatch", () => {
    expect(cosineSimilarity([1, 0], [1, 0])).toBe(1);
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(() => cosineSimilarity([1], [1, 2])).toThrow(/mismatch/);
  });
});
