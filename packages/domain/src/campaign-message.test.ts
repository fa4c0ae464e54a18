import { describe, expect, it } from "vitest";
import {
  CAMPAIGN_VARIABLES, customVariablesIn, expandSpintax, formatCampaignDate, formatCampaignMoney, renderCampaignMessage,
  spintaxVariantCount, variablesIn,
} from "./campaign-message.js";

describe("variablesIn", () => {
  it.each<[string, string[]]>([
    ["Hai {nama}, {model} anda siap.", ["nama", "model"]],
    ["{Hai|Hello} {nama}", ["nama"]],
    ["{Hai {nama}|Hello {nama}, {custom.colour}} {shop_name}", ["nama", "custom.colour", "shop_name"]],
    ["{nama} {nama} {warna}", ["nama", "warna"]],
    ["no variables {} { nama } {1abc} {", []],
    ["{optout_link}", ["optout_link"]],
  ])("%s → %j", (template, names) => expect(variablesIn(template)).toEqual(names));
  it("custom fields are the non-standard ones", () => {
    expect(CAMPAIGN_VARIABLES).toEqual(["nama", "model", "expiry_date", "job_number", "shop_name", "optout_link"]);
    expect(customVariablesIn("{nama} {warna} {custom.size}")).toEqual(["warna", "custom.size"]);
  });
});

describe("spintax", () => {
  it.each<[string, number]>([
    ["plain text", 1],
    ["{Hai|Hello}", 2],
    ["{Hai|Hello|Salam} {nama}", 3],
    ["{a|b} {c|d|e}", 6],
    ["{a|{b|c}|d}", 4],
    ["{a|{b|c} {d|e}}", 5],
    ["{a|b", 1],
  ])("%s has %s variants", (text, count) => expect(spintaxVariantCount(text)).toBe(count));

  it("is deterministic for a seed", () => {
    const text = "{Hai|Hello|Salam|Hi} {kawan|tuan|puan}, {a|b|c|d|e}";
    expect(expandSpintax(text, "crcp_01")).toBe(expandSpintax(text, "crcp_01"));
  });

  it("covers every branch of a nested group across seeds, and only real branches", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 400; i += 1) seen.add(expandSpintax("{a|{b|c}|d}", `seed-${i}`));
    expect([...seen].sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("varies between seeds", () => {
    const texts = new Set(Array.from({ length: 50 }, (_, i) => expandSpintax("{1|2|3|4|5|6|7|8} {1|2|3|4|5|6|7|8}", `r${i}`)));
    expect(texts.size).toBeGreaterThan(20);
  });

  it("keeps variables and odd braces as written", () => {
    expect(expandSpintax("{Hai|Hai} {nama} {} { x } {oops", "s")).toBe("Hai {nama} {} { x } {oops");
    expect(expandSpintax("}{a|a}{", "s")).toBe("}a{");
  });

  it("reads a long run of unclosed braces quickly", () => {
    const started = Date.now();
    expect(variablesIn(`${"{".repeat(50_000)}{nama}`)).toEqual(["nama"]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("dates and money", () => {
  it.each([
    ["2027-01-12", "ms", "12 Januari 2027"], ["2027-02-01", "ms", "1 Februari 2027"], ["2027-03-12", "ms", "12 Mac 2027"],
    ["2027-04-12", "ms", "12 April 2027"], ["2027-05-12", "ms", "12 Mei 2027"], ["2027-06-12", "ms", "12 Jun 2027"],
    ["2027-07-12", "ms", "12 Julai 2027"], ["2027-08-12", "ms", "12 Ogos 2027"], ["2027-09-12", "ms", "12 September 2027"],
    ["2027-10-12", "ms", "12 Oktober 2027"], ["2027-11-12", "ms", "12 November 2027"], ["2027-12-12", "ms", "12 Disember 2027"],
    ["2027-01-12", "en", "12 January 2027"], ["2027-03-12", "en", "12 March 2027"], ["2027-08-31", "en", "31 August 2027"],
  ] as const)("%s in %s → %s", (date, language, text) => expect(formatCampaignDate(date, language)).toBe(text));

  it("reads an instant in shop time", () => {
    expect(formatCampaignDate(new Date("2027-01-11T16:30:00Z"), "ms")).toBe("12 Januari 2027");
    expect(formatCampaignDate(new Date("2027-01-11T15:59:00Z"), "en")).toBe("11 January 2027");
  });

  it.each([[123450, "RM 1,234.50"], [0, "RM 0.00"], [5, "RM 0.05"], [100_000_000, "RM 1,000,000.00"], [-500, "-RM 5.00"], [99, "RM 0.99"]])(
    "%s sen → %s", (sen, text) => expect(formatCampaignMoney(sen)).toBe(text),
  );
});

describe("renderCampaignMessage", () => {
  const template = "{Hai|Hello} {nama}, waranti skrin {model} anda tamat pada {expiry_date}. Baki: {baki}. {optout_link}";
  const values = {
    nama: "Aishah", model: "iPhone 13", expiry_date: new Date("2027-01-12T04:00:00Z"), baki: { sen: 123450 },
    optout_link: "https://shop.example/optout/abc",
  };

  it("fills every variable, dates and money in BM", () => {
    const { text, missing } = renderCampaignMessage({ template, values, fallbacks: {}, language: "ms", seed: "crcp_1" });
    expect(text).toMatch(/^(Hai|Hello) Aishah, waranti skrin iPhone 13 anda tamat pada 12 Januari 2027\. Baki: RM 1,234\.50\. https:\/\/shop\.example\/optout\/abc$/);
    expect(missing).toEqual([]);
  });

  it("formats in EN", () => {
    const { text } = renderCampaignMessage({ template: "{expiry_date} {baki}", values, fallbacks: {}, language: "en", seed: "x" });
    expect(text).toBe("12 January 2027 RM 1,234.50");
  });

  it("reads ISO text (values stored as JSON) as dates", () => {
    const render = (value: string) =>
      renderCampaignMessage({ template: "{expiry_date}", values: { expiry_date: value }, fallbacks: {}, language: "ms", seed: "x" }).text;
    expect(render("2027-08-03")).toBe("3 Ogos 2027");
    expect(render("2027-08-02T17:00:00.000Z")).toBe("3 Ogos 2027");
    expect(render("JOB-2027-0001")).toBe("JOB-2027-0001");
  });

  it.each<{ name: string; values: Record<string, string | null | undefined>; fallbacks: Record<string, string>; text: string; missing: string[] }>([
    { name: "fallbacks fill missing values", values: {}, fallbacks: { nama: "pelanggan", model: "peranti" }, text: "Hai pelanggan, peranti", missing: ["nama", "model"] },
    { name: "no fallback leaves it empty", values: { nama: "Ali" }, fallbacks: {}, text: "Hai Ali, ", missing: ["model"] },
    { name: "blank and null count as missing", values: { nama: "  ", model: null }, fallbacks: { nama: "tuan" }, text: "Hai tuan, ", missing: ["nama", "model"] },
    { name: "a value wins over its fallback", values: { nama: "Ali", model: "Galaxy" }, fallbacks: { nama: "tuan" }, text: "Hai Ali, Galaxy", missing: [] },
  ])("$name", ({ values: given, fallbacks, text, missing }) => {
    expect(renderCampaignMessage({ template: "Hai {nama}, {model}", values: given, fallbacks, language: "ms", seed: "s" })).toEqual({ text, missing });
  });

  it("lists a variable missing in a branch not chosen, so the preview can warn before sending", () => {
    const result = renderCampaignMessage({ template: "{Hai|Hello {nama}}", values: {}, fallbacks: {}, language: "en", seed: "s" });
    expect(result.missing).toEqual(["nama"]);
  });

  it("renders the same text for the same seed and does not read braces in values as template", () => {
    const input = { template: "{A|B|C|D} {nama}", values: { nama: "{x|y} {nama}" }, fallbacks: {}, language: "ms" as const, seed: "crcp_9" };
    const first = renderCampaignMessage(input).text;
    expect(renderCampaignMessage(input).text).toBe(first);
    expect(first.endsWith(" {x|y} {nama}")).toBe(true);
  });

  it("numbers and custom fields are shown as given", () => {
    const { text } = renderCampaignMessage({ template: "{custom.size} x{qty}", values: { "custom.size": "XL", qty: 3 }, fallbacks: {}, language: "en", seed: "s" });
    expect(text).toBe("XL x3");
  });
});
