import { describe, expect, it } from "vitest";
import { bindingPurposes, fillPlaceholders, lastInboundAt, paramsFromForm, parseTemplateKey, placeholderNumbers, purposeVariables, qualityTone, sendableTemplates, sendingSession, serviceWindow, templateKey, tierCustomers, webhookUrl } from "./cloud";

describe("Cloud API rules in the console", () => {
  it("reads Meta's tiers as customers a day", () => {
    expect(tierCustomers("TIER_250")).toBe(250);
    expect(tierCustomers("TIER_1K")).toBe(1000);
    expect(tierCustomers("TIER_10K")).toBe(10_000);
    expect(tierCustomers("TIER_100K")).toBe(100_000);
    expect(tierCustomers("TIER_UNLIMITED")).toBe("unlimited");
    expect(tierCustomers(null)).toBeNull();
    expect(tierCustomers("TIER_SOMETHING")).toBeNull();
  });

  it("gives every quality rating a tone, unknown for anything else", () => {
    expect(["GREEN", "YELLOW", "RED", "UNKNOWN", null].map(qualityTone)).toEqual(["good", "medium", "low", "unknown", "unknown"]);
  });

  it("finds the customer's last message to this number and opens the window for 24 hours after it", () => {
    const messages = [
      { direction: "in" as const, session_id: "a", created_at: "2026-12-06T01:00:00.000Z" },
      { direction: "in" as const, session_id: "a", created_at: "2026-12-06T03:00:00.000Z" },
      { direction: "out" as const, session_id: "a", created_at: "2026-12-06T09:00:00.000Z" },
      { direction: "in" as const, session_id: "b", created_at: "2026-12-06T10:00:00.000Z" },
    ];
    const last = lastInboundAt(messages, "a");
    expect(last).toBe("2026-12-06T03:00:00.000Z");
    expect(serviceWindow(last, new Date("2026-12-07T02:59:59.000Z"))).toEqual({ open: true, until: "2026-12-07T03:00:00.000Z" });
    expect(serviceWindow(last, new Date("2026-12-07T03:00:00.000Z")).open).toBe(false);
    expect(serviceWindow(null, new Date())).toEqual({ open: false, until: null });
  });

  it("sends through the default number, else the first", () => {
    expect(sendingSession([{ id: "a", is_default: false }, { id: "b", is_default: true }])?.id).toBe("b");
    expect(sendingSession([{ id: "a", is_default: false }])?.id).toBe("a");
    expect(sendingSession([])).toBeNull();
  });

  it("joins the console's origin and commerce's webhook path", () => {
    expect(webhookUrl("https://kedai.example.my", "/webhooks/whatsapp/cloud")).toBe("https://kedai.example.my/webhooks/whatsapp/cloud");
    expect(webhookUrl("https://kedai.example.my/", "/webhooks/whatsapp/cloud")).toBe("https://kedai.example.my/webhooks/whatsapp/cloud");
  });

  it("offers only approved templates, by name then language", () => {
    const templates = [
      { name: "quote_ready", language: "ms", status: "APPROVED" as const },
      { name: "promo", language: "ms", status: "PENDING" as const },
      { name: "quote_ready", language: "en", status: "APPROVED" as const },
      { name: "old", language: "ms", status: "REJECTED" as const },
    ];
    expect(sendableTemplates(templates).map(templateKey)).toEqual(["quote_ready|en", "quote_ready|ms"]);
    expect(parseTemplateKey("quote_ready|ms")).toEqual({ name: "quote_ready", language: "ms" });
    expect(parseTemplateKey("quote_ready")).toBeNull();
    expect(parseTemplateKey("a|b|c")).toBeNull();
  });

  it("lists a binding per purpose with the shop's pickup days and their variables", () => {
    expect(bindingPurposes([1, 20, 30])).toEqual(["quote_sent", "quote_reminder", "pickup_day1", "pickup_day20", "pickup_day30", "campaign"]);
    expect(purposeVariables("quote_sent")).toContain("total");
    expect(purposeVariables("pickup_day20")).toEqual(["nama", "model", "job_number", "shop_name"]);
    expect(purposeVariables("campaign")).toContain("expiry_date");
  });

  it("reads the ordered placeholder values of a form", () => {
    const form = new FormData();
    form.set("param.1", " Aina ");
    form.set("param.3", "VS-0001");
    expect(paramsFromForm(form, 3)).toEqual(["Aina", "", "VS-0001"]);
    expect(paramsFromForm(form, 0)).toEqual([]);
  });

  it("numbers a body's placeholders and fills them as staff type", () => {
    expect(placeholderNumbers("Hai {{1}}, job {{2}} ({{1}}) {{ 3 }}")).toEqual([1, 2, 3]);
    expect(placeholderNumbers("no variables")).toEqual([]);
    expect(fillPlaceholders("Hai {{1}}, job {{2}}", ["Aina"])).toBe("Hai Aina, job {{2}}");
    expect(fillPlaceholders("Hai {{1}}, job {{2}}", ["", "VS-1"])).toBe("Hai {{1}}, job VS-1");
  });
});
