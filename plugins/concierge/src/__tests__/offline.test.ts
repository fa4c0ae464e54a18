import { describe, expect, it } from "vitest";
import { HANDOFF_TEXT, matchIntent } from "@voltura/conversation";
import { answerOffline, routeOffline } from "../domain/offline";
import { AISYAH, demoDocuments, demoJobs, memoryShopData, TAN } from "./memory-shop-data";

describe("routeOffline", () => {
  it.each([
    ["hi", "greeting"],
    ["Assalamualaikum", "greeting"],
    ["terima kasih bos", "thanks"],
    ["status phone saya?", "job_status"],
    ["is my phone ready yet?", "job_status"],
    ["VSH-2026-000001", "job_status"],
    ["brp harga tukar skrin iphone 13", "price_enquiry"],
    ["how much to replace iPhone 11 battery", "price_enquiry"],
    ["pukul berapa kedai buka hari ahad?", "opening_hours"],
    ["what time do you close today", "opening_hours"],
    ["nak cakap dengan orang", "handoff"],
    ["boleh tolong jual kereta saya", "handoff"],
    ["", "handoff"],
  ])("%s → %s", (text, route) => {
    expect(routeOffline(matchIntent(text))).toBe(route);
  });
});

const data = memoryShopData({ jobs: demoJobs, documents: demoDocuments, settings: { opening_hours: { opens: "10:00", closes: "20:00", closed_days: ["sunday"] } } });

describe("answerOffline", () => {
  it("answers the sender's job status in BM, from the job_status tool", async () => {
    const out = await answerOffline({ phone: AISYAH, text: "status phone saya?" }, data);
    expect(out.handoff).toBeNull();
    expect(out.language).toBe("ms");
    expect(out.reply).toContain("VSH-2026-000001");
    expect(out.reply).toContain("Sedang dibaiki");
    expect(out.tool_calls.map((c) => c.name)).toEqual(["job_status"]);
  });

  it("never reveals another customer's job by its number; it hands off with the exact text", async () => {
    const out = await answerOffline({ phone: AISYAH, text: "status VSH-2026-000002?" }, data);
    expect(out.reply).toBe(HANDOFF_TEXT);
    expect(out.reply).not.toContain("Samsung");
    expect(out.handoff).not.toBeNull();
  });

  it("hands off when the sender has no job", async () => {
    const out = await answerOffline({ phone: "+60195550000", text: "is my phone ready?" }, data);
    expect(out.reply).toBe(HANDOFF_TEXT);
    expect(out.handoff?.reason).toBe("no_jobs_for_phone");
  });

  it("quotes the price list in English, and hands off for a device it does not list", async () => {
    const price = await answerOffline({ phone: TAN, text: "how much to replace iPhone 13 screen" }, data);
    expect(price.language).toBe("en");
    expect(price.reply).toContain("RM 430");
    expect(price.handoff).toBeNull();
    const unknown = await answerOffline({ phone: TAN, text: "how much to replace Pixel 7 screen" }, data);
    expect(unknown.reply).toBe(HANDOFF_TEXT);
  });

  it("answers opening hours from the settings, closed days included", async () => {
    const out = await answerOffline({ phone: TAN, text: "pukul berapa kedai buka hari ahad?" }, data);
    expect(out.reply).toBe("Maaf, kami tutup pada hari Ahad.");
  });

  it("greets in the customer's language and hands everything else to a person", async () => {
    expect((await answerOffline({ phone: TAN, text: "hello" }, data)).reply).toMatch(/^Hi! Welcome to Voltura Demo Repair/);
    const other = await answerOffline({ phone: TAN, text: "boleh saya jual laptop lama kat sini?" }, data);
    expect(other.reply).toBe(HANDOFF_TEXT);
    expect(other.tool_calls.at(-1)?.name).toBe("handoff_to_technician");
  });
});
