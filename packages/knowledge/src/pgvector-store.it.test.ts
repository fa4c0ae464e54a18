import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalHashEmbedder } from "./local-embedder.js";
import { PgVectorKnowledgeStore } from "./pgvector-store.js";
import type { KnowledgeDocument } from "./types.js";

const BASE_URL = process.env.DATABASE_URL ?? "postgres://voltura:voltura@127.0.0.1:55432/voltura_test";
const TEST_DB = "voltura_knowledge_it";

function urlForDatabase(database: string): string {
  const url = new URL(BASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

const SEED: KnowledgeDocument[] = [
  { id: "price-apple", kind: "price_list", title: "Harga servis Apple / Apple repair prices", language: "mixed", body: [
    "iPhone 13 screen (OEM) — RM 350", "iPhone 13 battery — RM 180", "iPhone 14 Pro screen (Original) — RM 1,150",
    "iPhone 11 charging port — RM 120", "MacBook Air M1 keyboard — RM 650",
  ].join("\n") },
  { id: "price-android", kind: "price_list", title: "Harga servis Android", language: "mixed", body: [
    "Samsung Galaxy A54 screen (Original) — RM 420", "Samsung Galaxy S23 battery — RM 210", "Xiaomi Redmi Note 12 screen (OEM) — RM 190",
  ].join("\n") },
  { id: "hours", kind: "hours", title: "Waktu operasi kedai / Opening hours", language: "mixed", body:
    "Kedai buka setiap hari pukul 10 pagi hingga 8 malam, termasuk hari Ahad. Cuti umum buka pukul 11 pagi hingga 6 petang. Opening hours: daily 10am to 8pm, including Sunday." },
  { id: "faq-warranty", kind: "faq", title: "Waranti / Warranty", language: "mixed", body:
    "Semua pembaikan skrin dan bateri ada waranti 3 bulan. All screen and battery repairs come with a 3-month warranty. Waranti tidak meliputi kerosakan air atau skrin pecah semula." },
  { id: "faq-duration", kind: "faq", title: "Berapa lama repair / Repair time", language: "mixed", body:
    "Tukar skrin biasanya siap dalam 1 jam. Motherboard repair takes 3 to 5 working days. Kami akan WhatsApp bila siap." },
  { id: "faq-data", kind: "faq", title: "Data dan privasi / Data privacy", language: "mixed", body:
    "Kami tidak buka gambar atau data anda. Please back up your phone before repair; we are not responsible for data loss." },
  { id: "faq-payment", kind: "faq", title: "Cara bayaran / Payment methods", language: "mixed", body:
    "Kami terima tunai, DuitNow QR, kad debit dan kredit. We accept cash, DuitNow QR, debit and credit cards." },
  { id: "faq-location", kind: "faq", title: "Lokasi kedai / Shop location", language: "mixed", body:
    "Kedai kami di Jalan SS2/24, Petaling Jaya, sebelah kedai mamak. Parking available in front of the shop." },
  { id: "policy-deposit", kind: "policy", title: "Deposit dan barang tidak dituntut / Deposit and unclaimed devices", language: "mixed", body:
    "Deposit RM 50 diperlukan untuk tempahan part. Devices not collected within 60 days will be disposed of after notice." },
];

let admin: pg.Client;
let pool: pg.Pool;
let store: PgVectorKnowledgeStore;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEST_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEST_DB}`);
  pool = new pg.Pool({ connectionString: urlForDatabase(TEST_DB), max: 4 });
  await pool.query("CREATE EXTENSION IF NOT EXISTS vector");
  store = new PgVectorKnowledgeStore({ pool, embedder: new LocalHashEmbedder() });
  await store.ensureSchema();
  await store.ensureSchema(); // idempotent
  for (const doc of SEED) await store.upsertDocument(doc);
});

afterAll(async () => {
  await pool?.end();
  if (admin) {
    // Wait for the pool's backends to exit so DROP needs no FORCE (FORCE kills sockets pg is still closing).
    for (let i = 0; i < 50; i++) {
      const { rows } = await admin.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1", [TEST_DB]);
      if (Number(rows[0]!.n) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${TEST_DB}`);
    await admin.end();
  }
});

describe("PgVectorKnowledgeStore (real PostgreSQL + pgvector)", () => {
  it("stores one chunk per price item and the prose documents", async () => {
    const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM knowledge_chunk");
    expect(Number(rows[0]!.n)).toBe(15);
  });

  it("creates an HNSW cosine index", async () => {
    const { rows } = await pool.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE tablename = 'knowledge_chunk' AND indexname = $1", [store.indexName]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.indexdef).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
  });

  it.each(["berapa harga tukar screen iphone 13", "how much to replace iPhone 13 screen", "brp hrg tkr skrin iphone 13"])(
    "ranks the iPhone 13 screen price first for %j", async (query) => {
      const [top, second] = await store.search(query, { k: 5 });
      expect(top!.content).toContain("iPhone 13 screen (OEM) — RM 350");
      expect(top!.metadata.price).toEqual({ item: "iPhone 13 screen", variant: "OEM", price_sen: 35000, price_text: "RM 350" });
      expect(top!.score).toBeGreaterThan(second!.score);
    });

  it("finds the hours chunk for a BM hours question", async () => {
    const [top] = await store.search("bukak pukul berapa hari ahad", { k: 3 });
    expect(top!.documentId).toBe("hours");
    expect(top!.kind).toBe("hours");
  });

  it("filters by kind and minScore", async () => {
    const faqs = await store.search("iphone 13 screen", { k: 10, kinds: ["faq", "policy"] });
    expect(faqs.length).toBeGreaterThan(0);
    expect(faqs.every((c) => c.kind === "faq" || c.kind === "policy")).toBe(true);
    const strict = await store.search("iphone 13 screen", { k: 10, minScore: 0.99 });
    expect(strict).toEqual([]);
  });

  it("replaces a document's chunks on update", async () => {
    const updated = { ...SEED[0]!, body: "iPhone 13 screen (OEM) — RM 330\niPhone 15 screen (OEM) — RM 520" };
    const chunks = await store.upsertDocument(updated);
    const { rows } = await pool.query<{ content: string }>(
      "SELECT content FROM knowledge_chunk WHERE document_id = 'price-apple' ORDER BY (metadata->>'chunk_index')::int");
    expect(rows.map((r) => r.content)).toEqual(chunks.map((c) => c.content));
    expect(rows).toHaveLength(2);
    const [top] = await store.search("berapa harga tukar screen iphone 13", { k: 1 });
    expect(top!.metadata.price?.price_sen).toBe(33000);
  });

  it("rolls back a failed upsert, keeping the old chunks", async () => {
    const before = await pool.query("SELECT id FROM knowledge_chunk WHERE document_id = 'hours'");
    await expect(store.upsertDocument({ ...SEED[2]!, kind: "bogus" as never })).rejects.toThrow();
    const after = await pool.query("SELECT id FROM knowledge_chunk WHERE document_id = 'hours'");
    expect(after.rows).toEqual(before.rows);
  });

  it("deletes a document", async () => {
    expect(await store.deleteDocument("faq-location")).toBe(1);
    expect(await store.deleteDocument("faq-location")).toBe(0);
    const hits = await store.search("lokasi kedai jalan ss2", { k: 20 });
    expect(hits.some((h) => h.documentId === "faq-location")).toBe(false);
  });

  it("refuses an embedder whose dimensions differ from the table", async () => {
    const other = new PgVectorKnowledgeStore({ pool, embedder: new LocalHashEmbedder({ dimensions: 128 }) });
    await expect(other.ensureSchema()).rejects.toThrow(/vector\(384\)/);
  });
});
