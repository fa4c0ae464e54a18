import { describe, expect, it } from "vitest";
import { DEFAULT_SHOP_SETTINGS, mergeShopSettings, readStoredShopSettings, slaDueAt } from "./shop-settings.js";

describe("shop settings", () => {
  it("merges a patch section by section and keeps the rest", () => {
    const next = mergeShopSettings(DEFAULT_SHOP_SETTINGS, { tax: { exempt: true }, sla_hours: { urgent: 2 } });
    expect(next.tax).toEqual({ sst_rate_bp: 800, exempt: true, prices_include_tax: false });
    expect(next.sla_hours).toEqual({ low: 120, normal: 72, high: 24, urgent: 2 });
    expect(next.business).toEqual(DEFAULT_SHOP_SETTINGS.business);
  });
  it("refuses invalid values with the field named", () => {
    expect(() => mergeShopSettings(DEFAULT_SHOP_SETTINGS, { tax: { sst_rate_bp: -1 } })).toThrow(/sst_rate_bp/);
  });
  it("fills fields missing from stored settings from the defaults", () => {
    expect(readStoredShopSettings({ business: { name: "Kedai Baiki Ali" } }).business.name).toBe("Kedai Baiki Ali");
    expect(readStoredShopSettings(null)).toEqual(DEFAULT_SHOP_SETTINGS);
  });
  it("computes SLA due times per priority", () => {
    const at = new Date("2026-11-24T02:00:00Z");
    expect(slaDueAt(at, "urgent", DEFAULT_SHOP_SETTINGS).toISOString()).toBe("2026-11-24T06:00:00.000Z");
    expect(slaDueAt(at, "normal", DEFAULT_SHOP_SETTINGS).toISOString()).toBe("2026-11-27T02:00:00.000Z");
  });
});

describe("repair flow settings", () => {
  it("defaults quote follow-up and pickup reminders for rows saved before they existed", () => {
    const stored = { business: { name: "Kedai Baiki Ali" }, tax: { exempt: true } };
    const settings = readStoredShopSettings(stored);
    expect(settings.quoteFollowUp).toEqual({ reminderAfterHours: 24, escalateAfterHours: 48 });
    expect(settings.pickupReminders.days).toEqual([1, 20, 30]);
    expect(settings.business.name).toBe("Kedai Baiki Ali");
  });

  it.each([
    [{ quoteFollowUp: { reminderAfterHours: 12 } }, null],
    [{ quoteFollowUp: { escalateAfterHours: 24 } }, /escalateAfterHours must be more than/],
    [{ quoteFollowUp: { reminderAfterHours: 0 } }, /reminderAfterHours/],
    [{ pickupReminders: { days: [3, 14] } }, null],
    [{ pickupReminders: { days: [] } }, null],
    [{ pickupReminders: { days: [20, 1] } }, /increasing order/],
    [{ pickupReminders: { days: [0] } }, /days/],
    [{ pickupReminders: { text_bm: "Salam {nama}, {unknown} siap" } }, /may use only the variables/],
  ] as const)("validates %j", (patch, problem) => {
    const apply = () => mergeShopSettings(DEFAULT_SHOP_SETTINGS, patch as Parameters<typeof mergeShopSettings>[1]);
    if (problem) expect(apply).toThrow(problem);
    else expect(apply).not.toThrow();
  });

  it("keeps the other pickup fields when only the days change", () => {
    const next = mergeShopSettings(DEFAULT_SHOP_SETTINGS, { pickupReminders: { days: [2, 7] } });
    expect(next.pickupReminders).toEqual({ ...DEFAULT_SHOP_SETTINGS.pickupReminders, days: [2, 7] });
  });
});
