import { DEFAULT_SHOP_SETTINGS } from "@voltura/domain";
import { describe, expect, it } from "vitest";
import { parseSettingsSection, sectionCommerceErrors, sectionValues, settingsFormValues } from "./shop-settings-form";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

describe("shop settings forms", () => {
  it("shows the stored settings in the units people use", () => {
    const v = settingsFormValues(DEFAULT_SHOP_SETTINGS);
    expect(v.tax).toEqual({ sst_rate: "8", exempt: "", prices_include_tax: "" });
    expect(v.repair.diagnostic_fee).toBe("30.00");
    expect(v.repair.waive_diagnostic_fee_on_approval).toBe("on");
    expect(v.business.phone).toBe("03-2141 1234");
    expect(v.business.whatsapp).toBe("012-345 0000");
    expect(v.sla_hours).toEqual({ low: "120", normal: "72", high: "24", urgent: "4" });
  });

  it("turns a 6% SST rate into 600 basis points; an unticked box is false", () => {
    const values = sectionValues("tax", form({ sst_rate: "6", prices_include_tax: "on" }));
    expect(values).toEqual({ sst_rate: "6", exempt: "", prices_include_tax: "on" });
    expect(parseSettingsSection("tax", values)).toEqual({ ok: true, patch: { tax: { sst_rate_bp: 600, exempt: false, prices_include_tax: true } } });
  });

  it("names the field at fault", () => {
    expect(parseSettingsSection("tax", { sst_rate: "6.005", exempt: "", prices_include_tax: "" })).toMatchObject({ ok: false, errors: { sst_rate: expect.stringContaining("percentage") } });
    expect(parseSettingsSection("tax", { sst_rate: "25", exempt: "", prices_include_tax: "" })).toMatchObject({ ok: false, errors: { sst_rate: "SST cannot be more than 20%" } });
    expect(parseSettingsSection("sla_hours", { low: "120", normal: "0", high: "x", urgent: "4" })).toMatchObject({
      ok: false,
      errors: { normal: "Hours must be at least 1", high: "Enter hours as a whole number" },
    });
  });

  it("normalises phone numbers and keeps an empty SST number as none", () => {
    const values = { ...settingsFormValues(DEFAULT_SHOP_SETTINGS).business, phone: "03-2141 1234", whatsapp: "", sst_no: "  " };
    const result = parseSettingsSection("business", values);
    expect(result).toMatchObject({ ok: true, patch: { business: { phone: "+60321411234", whatsapp: "", sst_no: null } } });
    expect(parseSettingsSection("business", { ...values, phone: "12", email: "nope", public_url: "shop.my" })).toMatchObject({
      ok: false,
      errors: { phone: expect.stringContaining("valid phone"), email: expect.stringContaining("valid email"), public_url: expect.stringContaining("full address") },
    });
  });

  it("converts the diagnostic fee in ringgit to sen", () => {
    const result = parseSettingsSection("repair", { diagnostic_fee: "RM 45.50", waive_diagnostic_fee_on_approval: "", default_warranty_days: "90", terms: " Terms " });
    expect(result).toEqual({
      ok: true,
      patch: { repair: { diagnostic_fee_sen: 4550, waive_diagnostic_fee_on_approval: false, default_warranty_days: 90, terms: "Terms" } },
    });
  });

  it("places a commerce 400 on the section's fields", () => {
    expect(sectionCommerceErrors("tax", "Invalid request: tax.sst_rate_bp: Too big: expected number to be <=2000; business.email: Invalid email")).toEqual({
      errors: { sst_rate: "Too big: expected number to be <=2000" },
      rest: "business.email: Invalid email",
    });
    expect(sectionCommerceErrors("repair", "Invalid settings: repair.terms: Too long")).toEqual({ errors: { terms: "Too long" }, rest: null });
  });
});

describe("WhatsApp follow-up settings forms", () => {
  it("shows the follow-up hours and the reminder days as text", () => {
    const v = settingsFormValues(DEFAULT_SHOP_SETTINGS);
    expect(v.quoteFollowUp).toEqual({ reminderAfterHours: "24", escalateAfterHours: "48" });
    expect(v.pickupReminders.days).toBe("1, 20, 30");
  });

  it("saves the quote follow-up, escalation after the reminder", () => {
    expect(parseSettingsSection("quoteFollowUp", { reminderAfterHours: "12", escalateAfterHours: "36" })).toEqual({
      ok: true,
      patch: { quoteFollowUp: { reminderAfterHours: 12, escalateAfterHours: 36 } },
    });
    expect(parseSettingsSection("quoteFollowUp", { reminderAfterHours: "24", escalateAfterHours: "24" })).toMatchObject({
      ok: false,
      errors: { escalateAfterHours: "Escalate after more hours than the reminder" },
    });
  });

  it("reads reminder days in any order, and names the field at fault", () => {
    const texts = { text_bm: DEFAULT_SHOP_SETTINGS.pickupReminders.text_bm, text_en: DEFAULT_SHOP_SETTINGS.pickupReminders.text_en };
    expect(parseSettingsSection("pickupReminders", { days: "30, 1,20, 1", ...texts })).toMatchObject({ ok: true, patch: { pickupReminders: { days: [1, 20, 30] } } });
    expect(parseSettingsSection("pickupReminders", { days: "", ...texts })).toMatchObject({ ok: true, patch: { pickupReminders: { days: [] } } });
    expect(parseSettingsSection("pickupReminders", { days: "1, two", ...texts })).toMatchObject({ ok: false, errors: { days: expect.stringContaining("whole numbers") } });
    expect(parseSettingsSection("pickupReminders", { days: "1", text_bm: "Salam {name}, siap!", text_en: texts.text_en })).toMatchObject({
      ok: false,
      errors: { text_bm: expect.stringContaining("{nama}") },
    });
  });
});
