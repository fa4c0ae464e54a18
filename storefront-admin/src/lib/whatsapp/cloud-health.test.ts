import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import { overwriteGetLocale } from "$lib/paraglide/runtime.js";
import CloudHealth from "./cloud-health.svelte";
import { tierText } from "./cloud-labels";

const limits = {
  reachout_timelock_until: null, new_chat_cap: null, new_chat_used: null, checked_at: null, failed_463: 0, failed_401: 0, failed_403: 0,
  messaging_limit_tier: "TIER_1K", quality_rating: "YELLOW" as const, unique_users_24h: 312,
};

describe("the number's health panel", () => {
  it("shows a Cloud API number's tier as customers a day, its quality in words beside the colour, and customers reached", () => {
    overwriteGetLocale(() => "en");
    const { body } = render(CloudHealth, { props: { session: { id: "wa_1", kind: "cloud_api", limits } } });
    expect(body).toContain("WhatsApp Cloud API");
    expect(body).toContain("Up to 1,000 customers a day");
    expect(body).toMatch(/data-tone="medium"[\s\S]*Medium \(yellow\)/);
    expect(body).toContain("312 of 1,000");
  });

  it("speaks Malay, and shows only the transport for a linked phone", () => {
    overwriteGetLocale(() => "ms");
    expect(tierText("TIER_250")).toBe("Sehingga 250 pelanggan sehari");
    const { body } = render(CloudHealth, { props: { session: { id: "wa_2", kind: "baileys", limits } } });
    expect(body).toContain("WhatsApp (telefon dipautkan)");
    expect(body).not.toContain("session-tier");
    overwriteGetLocale(() => "en");
  });
});
