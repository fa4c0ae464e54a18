import { describe, expect, it } from "vitest";
import { cloudCapToday, defaultPolicyFor, tierDecision, tierRoom, TIER_RECHECK_MS, UNKNOWN_TIER_USERS } from "../domain/cloud-pacing";
import { autoRoute, campaignSenderIds, isWarmContact, planRouting, routeOfSession } from "../domain/routing";
import { furthestOutStatus } from "../modules/campaign-dispatch/gate/record";
import { renderTemplateForRecipient } from "../domain/render";
import { cleanTemplateParam, templateParamValues, templateText } from "../domain/template-params";

const sessions = [
  { id: "wa_baileys", kind: "baileys" },
  { id: "wa_sim", kind: "simulator" },
  { id: "wa_cloud", kind: "cloud_api" },
  { id: "wa_cloud2", kind: "cloud_api" },
];
const template = { session_id: "wa_cloud", name: "promo_dec", language: "ms", params: ["nama"] };

describe("planRouting", () => {
  it("auto: chat numbers exclude Cloud API ones; the template's number sends the template", () => {
    const check = planRouting({ routing: "auto", session_ids: ["wa_baileys", "wa_cloud", "wa_sim"], cloud_template: template }, sessions);
    expect(check).toEqual({ ok: true, plan: { routing: "auto", chatSessionIds: ["wa_baileys", "wa_sim"], templateSessionId: "wa_cloud" } });
  });

  it("auto without a template plans chat only (cold contacts are skipped), without anything refuses session_ids", () => {
    expect(planRouting({ routing: "auto", session_ids: ["wa_sim"], cloud_template: null }, sessions))
      .toEqual({ ok: true, plan: { routing: "auto", chatSessionIds: ["wa_sim"], templateSessionId: null } });
    expect(planRouting({ routing: "auto", session_ids: ["wa_cloud"], cloud_template: null }, sessions)).toMatchObject({ ok: false, field: "session_ids" });
  });

  it("a template on a chat number is refused, naming cloud_template.session_id", () => {
    const check = planRouting({ routing: "auto", session_ids: ["wa_sim"], cloud_template: { ...template, session_id: "wa_sim" } }, sessions);
    expect(check).toMatchObject({ ok: false, field: "cloud_template.session_id" });
  });

  it("fixed: a Cloud API number without the template is refused; with it, its recipients take the template route", () => {
    expect(planRouting({ routing: "fixed", session_ids: ["wa_sim", "wa_cloud2"], cloud_template: template }, sessions)).toMatchObject({ ok: false, field: "cloud_template" });
    const check = planRouting({ routing: "fixed", session_ids: ["wa_sim", "wa_cloud"], cloud_template: template }, sessions);
    expect(check).toEqual({ ok: true, plan: { routing: "fixed", chatSessionIds: ["wa_sim", "wa_cloud"], templateSessionId: "wa_cloud" } });
    if (!check.ok) throw new Error("planned");
    expect(routeOfSession("wa_cloud", check.plan)).toBe("template");
    expect(routeOfSession("wa_sim", check.plan)).toBe("chat");
    expect(planRouting({ routing: "fixed", session_ids: [], cloud_template: null }, sessions)).toMatchObject({ ok: false, field: "session_ids" });
  });

  it("the senders of a campaign include its template's number once", () => {
    expect(campaignSenderIds({ session_ids: ["wa_sim"], cloud_template: template })).toEqual(["wa_sim", "wa_cloud"]);
    expect(campaignSenderIds({ session_ids: ["wa_cloud"], cloud_template: template })).toEqual(["wa_cloud"]);
    expect(campaignSenderIds({ session_ids: ["wa_sim"], cloud_template: null })).toEqual(["wa_sim"]);
  });
});

describe("warm contacts and the auto lane", () => {
  const now = new Date("2026-12-07T04:00:00Z");
  const ago = (h: number) => new Date(now.getTime() - h * 3_600_000);
  it("warm when the window is open or a chat is recent, cold otherwise", () => {
    expect(isWarmContact({ lastInboundAt: ago(23), lastChatAt: null, recentChatDays: 0, now })).toBe(true);
    expect(isWarmContact({ lastInboundAt: ago(25), lastChatAt: null, recentChatDays: 30, now })).toBe(false);
    expect(isWarmContact({ lastInboundAt: null, lastChatAt: ago(24 * 29), recentChatDays: 30, now })).toBe(true);
    expect(isWarmContact({ lastInboundAt: null, lastChatAt: ago(24 * 31), recentChatDays: 30, now })).toBe(false);
    expect(isWarmContact({ lastInboundAt: null, lastChatAt: null, recentChatDays: 30, now })).toBe(false);
  });

  it("warm → chat, cold → template, cold without a template → skipped no_template_route", () => {
    const both = { chatSessionIds: ["wa_sim"], templateSessionId: "wa_cloud" };
    expect(autoRoute(both, true)).toEqual({ route: "chat" });
    expect(autoRoute(both, false)).toEqual({ route: "template" });
    expect(autoRoute({ chatSessionIds: ["wa_sim"], templateSessionId: null }, false)).toEqual({ skip: "no_template_route" });
    expect(autoRoute({ chatSessionIds: [], templateSessionId: "wa_cloud" }, true)).toEqual({ route: "template" });
  });
});

describe("Cloud API pacing", () => {
  it("a Cloud API sender starts with 1–3 s gaps, no warm-up, the shop's window and weekend", () => {
    const cloud = defaultPolicyFor("cloud_api", "KDH", "2026-12-01T00:00:00Z");
    expect(cloud).toMatchObject({ gap_min_seconds: 1, gap_max_seconds: 3, extra_pause_every: 0, warmup_days: 0, window_start: "09:00", window_end: "18:00", weekend_days: [5, 6] });
    const chat = defaultPolicyFor("baileys", "SGR", "2026-12-01T00:00:00Z");
    expect(chat).toMatchObject({ gap_min_seconds: 30, gap_max_seconds: 60, weekend_days: [6, 0], warmup_days: 14 });
  });

  it("the tier bounds the unique users of the rolling 24 h; unknown tiers count as the starting tier", () => {
    expect(tierRoom("TIER_1K", 400)).toBe(600);
    expect(tierRoom("TIER_250", 300)).toBe(0);
    expect(tierRoom("TIER_UNLIMITED", 1_000_000)).toBeNull();
    expect(tierRoom(null, 10)).toBe(UNKNOWN_TIER_USERS - 10);
    expect(cloudCapToday(1000, 40, 60)).toBe(100);
    expect(cloudCapToday(120, 40, 600)).toBe(120);
    expect(cloudCapToday(120, 40, null)).toBe(120);
  });

  it("with the tier used up the gate waits (daily_cap) and asks again shortly", () => {
    const now = new Date("2026-12-07T04:00:00Z");
    expect(tierDecision("TIER_250", 249, now)).toEqual({ kind: "send" });
    expect(tierDecision("TIER_250", 250, now)).toEqual({ kind: "wait", until: new Date(now.getTime() + TIER_RECHECK_MS), reason: "daily_cap" });
  });
});

describe("template params", () => {
  it("one cleaned, non-empty text per variable, in order", () => {
    expect(templateParamValues(["nama", "model", "none"], (n) => ({ nama: "Ali\nbin  Abu", model: "iPhone 13", none: "" })[n] ?? "")).toEqual(["Ali bin Abu", "iPhone 13", "-"]);
    expect(cleanTemplateParam("a\t\tb     c")).toBe("a b c");
    expect(cleanTemplateParam("x".repeat(2000))).toHaveLength(1024);
  });

  it("the readable text fills the body when known, else names the template", () => {
    expect(templateText({ name: "promo", params: ["Ali", "RM 10"] }, "Hai {{1}}, diskaun {{2}}!")).toBe("Hai Ali, diskaun RM 10!");
    expect(templateText({ name: "promo", params: ["Ali"] }, null)).toBe("[promo] Ali");
  });
});

describe("gate records for template sends", () => {
  it("a receipt that beat the record wins over the pacer's status", () => {
    expect(furthestOutStatus("sent", "delivered")).toBe("delivered");
    expect(furthestOutStatus("sent", "read")).toBe("read");
    expect(furthestOutStatus("delivered", "sent")).toBe("delivered");
    expect(furthestOutStatus("sent", "pending")).toBe("sent");
    expect(furthestOutStatus("sent", undefined)).toBe("sent");
  });

  it("renders a recipient's template params from the frozen values, with the campaign's fallbacks", () => {
    const campaign = { template_ms: "Hai {nama}", template_en: "", fallbacks: { model: "telefon anda" }, cloud_template: { name: "promo_dec", language: "ms", params: ["nama", "model", "expiry_date"] } };
    const recipient = { id: "crcp_1", phone: "+60123456789", name: "Aminah", language: "ms" as const, values: { expiry_date: "2027-01-15T00:00:00Z" } };
    const template = renderTemplateForRecipient({ campaign, recipient, shopName: "Voltura", optoutLink: "https://x/optout/t" });
    expect(template).toMatchObject({ name: "promo_dec", language: "ms" });
    expect(template!.params[0]).toBe("Aminah");
    expect(template!.params[1]).toBe("telefon anda");
    expect(template!.params[2]).toMatch(/2027/);
    expect(renderTemplateForRecipient({ campaign: { ...campaign, cloud_template: null }, recipient, shopName: "", optoutLink: "" })).toBeNull();
  });
});
