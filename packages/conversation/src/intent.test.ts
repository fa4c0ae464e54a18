import { describe, expect, it } from "vitest";
import { matchIntent, shouldHandOff, type Intent, type IntentEntities } from "./intent.js";

const CASES: [string, Intent, IntentEntities?][] = [
  // greeting
  ["Hi", "greeting"],
  ["Assalamualaikum", "greeting"],
  ["Selamat pagi bos", "greeting"],
  ["hello there", "greeting"],
  // job status
  ["Status VSH-2026-000123?", "job_status", { jobNumber: "VSH-2026-000123" }],
  ["vsh 2026 000045 dah siap ke", "job_status", { jobNumber: "VSH-2026-000045" }],
  ["status phone saya", "job_status", { deviceType: "phone" }],
  ["Phone saya dah siap ke?", "job_status", { deviceType: "phone" }],
  ["bile boleh ambil laptop sy", "job_status", { deviceType: "laptop" }],
  ["Is my phone ready yet?", "job_status", { deviceType: "phone" }],
  ["any update on my iphone?", "job_status", { device: { brand: "iPhone", label: "iPhone" }, deviceType: "phone" }],
  ["x siap lagi ke?", "job_status"],
  ["berapa lama lagi nak siap?", "job_status"],
  ["Can I collect my laptop today?", "job_status", { deviceType: "laptop" }],
  // price enquiry
  [
    "berapa harga tukar screen iphone 13",
    "price_enquiry",
    { device: { brand: "iPhone", model: "13", label: "iPhone 13" }, deviceType: "phone", repairType: "screen" },
  ],
  [
    "how much battery iphone 11",
    "price_enquiry",
    { device: { brand: "iPhone", model: "11", label: "iPhone 11" }, deviceType: "phone", repairType: "battery" },
  ],
  [
    "Brp tukar bateri samsung a52?",
    "price_enquiry",
    { device: { brand: "Samsung", model: "A52", label: "Samsung A52" }, deviceType: "phone", repairType: "battery" },
  ],
  [
    "Hi, how much to replace iPhone 13 Pro Max screen?",
    "price_enquiry",
    { device: { brand: "iPhone", model: "13 Pro Max", label: "iPhone 13 Pro Max" }, deviceType: "phone", repairType: "screen" },
  ],
  [
    "harga port cas redmi note 12 berapa ye",
    "price_enquiry",
    { device: { brand: "Redmi", model: "Note 12", label: "Redmi Note 12" }, deviceType: "phone", repairType: "charging_port" },
  ],
  ["how much ah", "price_enquiry"],
  ["Price for laptop keyboard?", "price_enquiry", { deviceType: "laptop", repairType: "keyboard" }],
  [
    "iphone x skrin pecah, brp?",
    "price_enquiry",
    { device: { brand: "iPhone", model: "X", label: "iPhone X" }, deviceType: "phone", repairType: "screen" },
  ],
  ["kos baiki phone masuk air", "price_enquiry", { deviceType: "phone", repairType: "water_damage" }],
  // opening hours
  ["buka pukul berapa", "opening_hours"],
  ["Kedai buka tak hari ni?", "opening_hours"],
  ["open sunday?", "opening_hours", { day: "sunday" }],
  ["Hari Ahad buka?", "opening_hours", { day: "sunday" }],
  ["What time do you close today?", "opening_hours"],
  ["Waktu operasi kedai?", "opening_hours"],
  ["public holiday open or not", "opening_hours"],
  // thanks
  ["Terima kasih!", "thanks"],
  ["tq bos", "thanks"],
  ["Thank you so much", "thanks"],
  ["ok terima kasih ya", "thanks"],
  // human request
  ["nak cakap dengan orang", "human_request"],
  ["Boleh saya bercakap dengan staff?", "human_request"],
  ["I want to talk to a real person", "human_request"],
  ["please call me", "human_request"],
  // quote replies that say so without context
  ["Setuju, teruskan", "quote_reply", { decision: "approve" }],
  ["Tak setuju, cancel je", "quote_reply", { decision: "reject" }],
  ["ok proceed with the repair", "quote_reply", { decision: "approve" }],
  ["Setuju untuk VSH-2026-000123", "quote_reply", { decision: "approve", jobNumber: "VSH-2026-000123" }],
  // unknown: hand off
  ["Phone saya tak boleh buka, kenapa ya", "unknown"],
  ["Saya nak jual phone lama", "unknown"],
  ["ok", "unknown"],
  ["😂😂", "unknown"],
  ["", "unknown"],
];

describe("matchIntent", () => {
  it.each(CASES)("%j → %s", (text, intent, entities = {}) => {
    const match = matchIntent(text);
    expect({ intent: match.intent, entities: match.entities }).toEqual({ intent, entities });
  });

  it("has at least 40 BM / EN / mixed messages and covers every intent", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map(([, intent]) => intent)).size).toBe(8);
  });

  it("reports the language and a confidence", () => {
    expect(matchIntent("berapa harga tukar screen iphone 13")).toMatchObject({ language: "ms", confidence: 0.95 });
    expect(matchIntent("how much ah")).toMatchObject({ language: "en", confidence: 0.7 });
    expect(matchIntent("Bro how much tukar screen iphone 13 ah")).toMatchObject({ intent: "price_enquiry", language: "mixed" });
    expect(matchIntent("Saya nak jual phone lama")).toMatchObject({ intent: "unknown", confidence: 0 });
  });

  it("reads a bare yes/no as the quote answer only while a quote is waiting", () => {
    expect(matchIntent("ok", { awaitingQuoteReply: true })).toMatchObject({
      intent: "quote_reply",
      confidence: 0.85,
      entities: { decision: "approve" },
    });
    expect(matchIntent("tak nak la", { awaitingQuoteReply: true }).entities).toEqual({ decision: "reject" });
    expect(matchIntent("Setuju bos", { awaitingQuoteReply: true }).confidence).toBe(0.95);
    // A question about the quote is for a human.
    expect(matchIntent("berapa lama?", { awaitingQuoteReply: true }).intent).toBe("unknown");
    expect(matchIntent("setuju ke kalau tukar original?", { awaitingQuoteReply: true }).intent).toBe("unknown");
    expect(matchIntent("tak nak la").intent).toBe("unknown");
  });

  it("lets a human request win over everything", () => {
    expect(matchIntent("VSH-2026-000123 nak cakap dengan orang").intent).toBe("human_request");
  });
});

describe("shouldHandOff", () => {
  it("hands off unknown, human requests and weak matches", () => {
    expect(shouldHandOff(matchIntent("Saya nak jual phone lama"))).toBe(true);
    expect(shouldHandOff(matchIntent("nak cakap dengan orang"))).toBe(true);
    expect(shouldHandOff(matchIntent("how much ah"), 0.8)).toBe(true);
    expect(shouldHandOff(matchIntent("buka pukul berapa"))).toBe(false);
  });
});
