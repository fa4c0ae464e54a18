import { describe, expect, it } from "vitest";
import { detectLanguage, languageScores } from "./language.js";

const CASES: [string, "ms" | "en" | "mixed"][] = [
  // Bahasa Melayu, formal and chat spelling
  ["Assalamualaikum, phone saya dah siap ke?", "ms"],
  ["Phone saya dah siap ke", "ms"],
  ["bile boleh ambil phone sy?", "ms"],
  ["Brp harga tukar skrin iphone 13?", "ms"],
  ["x siap lagi ke bos", "ms"],
  ["Tak nak la, mahal sangat", "ms"],
  ["Kedai buka pukul berapa hari ni?", "ms"],
  ["Hari Ahad buka tak?", "ms"],
  ["Terima kasih banyak-banyak", "ms"],
  ["nk tanya, bateri samsung a52 brp ye", "ms"],
  ["Saya nak cakap dengan orang, bukan bot", "ms"],
  ["Setuju bos, teruskan", "ms"],
  ["Sy dah bayar semalam, bila siap?", "ms"],
  ["Selamat pagi encik", "ms"],
  ["status phone saya", "ms"],
  ["Laptop saya tak boleh on, boleh tengok?", "ms"],
  // English, including Malaysian particles
  ["How much to replace iPhone 11 battery?", "en"],
  ["how much ah", "en"],
  ["Is my phone ready yet?", "en"],
  ["Are you open on Sunday?", "en"],
  ["Thank you so much!", "en"],
  ["I want to speak to a real person please", "en"],
  ["Can I pick up my laptop today?", "en"],
  ["ok proceed, thanks", "en"],
  ["What time do you close today lah", "en"],
  ["Good morning, any update on my job?", "en"],
  ["The screen is cracked, how much to fix", "en"],
  // Mixed / Manglish
  ["Bro how much tukar screen iphone 13 ah", "mixed"],
  ["my phone dah siap ke?", "mixed"],
  ["Can I ambil phone esok?", "mixed"],
  ["Sorry boss, price too mahal, tak jadi", "mixed"],
  ["Hi, nak tanya how much battery iphone 11", "mixed"],
  ["okay boleh proceed, but bila siap?", "mixed"],
  ["Today kedai open tak?", "mixed"],
  // No signal at all
  ["ok", "mixed"],
  ["👍", "mixed"],
  ["VSH-2026-000123", "mixed"],
];

describe("detectLanguage", () => {
  it.each(CASES)("%j → %s", (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it("has a table of at least 30 messages", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it("uses the caller's fallback when the text carries no signal", () => {
    expect(detectLanguage("ok", { fallback: "ms" })).toBe("ms");
    expect(detectLanguage("", { fallback: "en" })).toBe("en");
    expect(detectLanguage("Terima kasih", { fallback: "en" })).toBe("ms");
  });

  it("ignores loanwords and particles, and counts chat abbreviations", () => {
    expect(languageScores("phone screen battery lah ok")).toEqual({ ms: 0, en: 0 });
    expect(languageScores("x nk brp sy")).toEqual({ ms: 4, en: 0 });
  });
});
