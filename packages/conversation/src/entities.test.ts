import { describe, expect, it } from "vitest";
import { extractDevice, extractDeviceType, extractJobNumber, extractRepairType, extractWeekday } from "./entities.js";
import { canonicalise, normalise } from "./normalise.js";

describe("extractJobNumber", () => {
  it.each([
    ["Status VSH-2026-000123?", "VSH-2026-000123"],
    ["vsh 2026 000045", "VSH-2026-000045"],
    ["job saya VSH2026000777 dah siap?", "VSH-2026-000777"],
    ["no job: vsh_2025_123456", "VSH-2025-123456"],
  ])("finds it in %j", (text, expected) => {
    expect(extractJobNumber(text)).toBe(expected);
  });

  it.each(["VSH-2026-12345", "ABC-2026-000123", "2026-000123", "VSH-2026-0001234"])("ignores %j", (text) => {
    expect(extractJobNumber(text)).toBeUndefined();
  });
});

describe("extractDevice", () => {
  it.each([
    ["tukar screen iphone 13 pro max", "iPhone 13 Pro Max"],
    ["Samsung Galaxy S23 Ultra", "Samsung S23 Ultra"],
    ["galaxy a52 battery", "Samsung A52"],
    ["redmi note 12 pro", "Redmi Note 12 Pro"],
    ["iPhone XR", "iPhone XR"],
    ["macbook air m1 keyboard", "MacBook Air M1"],
    ["HP pavilion tak boleh on", "HP"],
    ["oppo", "Oppo"],
  ])("reads %j as %s", (text, label) => {
    expect(extractDevice(text)?.label).toBe(label);
  });

  it("reads 'hp' as handphone, not the laptop brand", () => {
    expect(extractDevice("hp saya rosak")).toBeUndefined();
    expect(extractDeviceType(canonicalise("hp saya rosak"))).toBe("phone");
    expect(extractDeviceType("HP envy screen")).toBe("laptop");
  });
});

describe("extractRepairType", () => {
  it.each([
    ["skrin pecah", "screen"],
    ["bateri kembung", "battery"],
    ["port cas longgar", "charging_port"],
    ["phone masuk air", "water_damage"],
    ["tak ada bunyi bila call", "speaker"],
    ["back glass crack", "back_glass"],
    ["asyik hang", "software"],
    ["keyboard tak jalan", "keyboard"],
  ])("reads %j as %s", (text, type) => {
    expect(extractRepairType(text)).toBe(type);
  });

  it("does not read 'any update' as a software job", () => {
    expect(extractRepairType(normalise("any update on my phone"))).toBeUndefined();
  });
});

describe("extractWeekday", () => {
  it("reads BM and EN day names, and 'minggu' only as 'hari minggu'", () => {
    expect(extractWeekday("open sunday?")).toBe("sunday");
    expect(extractWeekday("hari ahad buka?")).toBe("sunday");
    expect(extractWeekday("Jumaat buka tak")).toBe("friday");
    expect(extractWeekday("hari minggu buka?")).toBe("sunday");
    expect(extractWeekday("minggu depan")).toBeUndefined();
  });
});

describe("normalise / canonicalise", () => {
  it("squeezes stretched letters, maps emoji and abbreviations", () => {
    expect(normalise("Setujuuu 👍").tokens).toEqual(["setuju", "ok"]);
    expect(canonicalise("x nk brp sy").tokens).toEqual(["tak", "nak", "berapa", "saya"]);
    expect(canonicalise("iphone x").tokens).toEqual(["iphone", "x"]);
    expect(normalise("Siap?").hasQuestionMark).toBe(true);
  });
});
