import { describe, expect, it } from "vitest";
import { DEFAULT_PACING_POLICY, shopInstant } from "@voltura/domain";
import { progressPct, ratesOf } from "../modules/campaigns/analytics/analytics";
import { BY_DAY, BY_REASON, BY_SESSION, foldAnalytics } from "../modules/campaigns/analytics/analytics-sql";
import { roundRobin } from "../modules/campaign-dispatch/gate/claim";
import { recipientsCsv, shopStamp } from "../modules/campaigns/analytics/export";
import { healthSince, pauseDecision, pauseAlertText, sessionSignalsOf } from "../modules/campaign-dispatch/senders/health";
import { countSend, failureReason } from "../modules/campaign-dispatch/gate/record";
import { campaignValueOf, renderForRecipient, templateFor } from "../domain/render";
import { mergePolicy } from "../modules/campaign-dispatch/senders/senders";
import { pacingStateOf, toSender, toSession } from "../modules/campaign-dispatch/senders/sender-row";

const camp = (id: string) => ({ id });

describe("roundRobin", () => {
  it("starts after the campaign served last and wraps around", () => {
    const list = [camp("camp_c"), camp("camp_a"), camp("camp_b")];
    expect(roundRobin(list, null).map((c) => c.id)).toEqual(["camp_a", "camp_b", "camp_c"]);
    expect(roundRobin(list, "camp_a").map((c) => c.id)).toEqual(["camp_b", "camp_c", "camp_a"]);
    expect(roundRobin(list, "camp_c").map((c) => c.id)).toEqual(["camp_a", "camp_b", "camp_c"]);
    expect(roundRobin(list, "camp_bb").map((c) => c.id)).toEqual(["camp_c", "camp_a", "camp_b"]);
  });
});

describe("failureReason and countSend", () => {
  it("names the health-relevant gateway codes and keeps other reasons as given", () => {
    expect(failureReason("rate limited", 463)).toBe("error_463");
    expect(failureReason("logged out", "401")).toBe("error_401");
    expect(failureReason("forbidden", 403)).toBe("error_403");
    expect(failureReason(" opted_out ", 409)).toBe("opted_out");
    expect(failureReason("x".repeat(600)).length).toBe(500);
  });

  it("restarts the day's count on a new shop day (midnight in Kuala Lumpur, not UTC)", () => {
    const lastNight = shopInstant("2027-01-13", "23:50");
    expect(countSend({ last_sent_at: lastNight, sent_today: 40 }, shopInstant("2027-01-13", "23:59"))).toBe(41);
    expect(countSend({ last_sent_at: lastNight, sent_today: 40 }, shopInstant("2027-01-14", "00:01"))).toBe(1);
    expect(countSend({ last_sent_at: null, sent_today: 0 }, lastNight)).toBe(1);
  });
});

describe("health pauses", () => {
  const bad = { score: 20, verdict: "pause" as const, reasons: ["3 sends refused with 401/403"] };
  const good = { score: 95, verdict: "healthy" as const, reasons: [] };

  it("pauses a healthy-running number as health, or as timelock while WhatsApp's timelock is on", () => {
    expect(pauseDecision(null, bad, false)).toEqual({ pause: "health", lift: false });
    expect(pauseDecision(null, bad, true)).toEqual({ pause: "timelock", lift: false });
    expect(pauseDecision(null, good, false)).toEqual({ pause: null, lift: false });
  });

  it("lifts a timelock pause by itself once the timelock ends, but never a health or manual pause", () => {
    expect(pauseDecision("timelock", good, false)).toEqual({ pause: null, lift: true });
    expect(pauseDecision("timelock", bad, false)).toEqual({ pause: "health", lift: false });
    expect(pauseDecision("timelock", bad, true)).toEqual({ pause: null, lift: false });
    expect(pauseDecision("health", good, false)).toEqual({ pause: null, lift: false });
    expect(pauseDecision("manual", bad, true)).toEqual({ pause: null, lift: false });
  });

  it("reads WhatsApp's signals from the session row: timelock, new chats left, refusals since the window start", () => {
    const since = new Date("2027-01-13T00:00:00Z");
    expect(sessionSignalsOf({ id: "s", limits: null, send_failures: null }, since)).toEqual({ timelock_until: null, new_chat_cap: null, refused_463: 0, refused_auth: 0 });
    expect(sessionSignalsOf({
      limits: { reachout_timelock_until: "2027-01-13T02:00:00Z", new_chat_cap: 10, new_chat_used: 12, checked_at: null },
      send_failures: [
        { status_code: 463, at: "2027-01-13T01:00:00Z" }, { status_code: 463, at: "2027-01-12T23:00:00Z" },
        { status_code: 401, at: "2027-01-13T01:00:00Z" }, { status_code: 403, at: "2027-01-13T01:30:00Z" },
      ],
    }, since)).toEqual({ timelock_until: new Date("2027-01-13T02:00:00Z"), new_chat_cap: 0, refused_463: 1, refused_auth: 2 });
  });

  it("counts health from the last 24 h, or from a manager's resume when later", () => {
    const now = new Date("2027-01-13T12:00:00Z");
    expect(healthSince({ resumed_at: null }, now)).toEqual(new Date("2027-01-12T12:00:00Z"));
    expect(healthSince({ resumed_at: new Date("2027-01-13T10:00:00Z") }, now)).toEqual(new Date("2027-01-13T10:00:00Z"));
  });

  it("tells the managers which number, why, and who resumes", () => {
    const text = pauseAlertText({ name: "Counter phone", session_id: "wa_sess_1", reason: "health", health: bad });
    expect(text).toContain("Counter phone");
    expect(text).toContain("health score 20/100");
    expect(text).toContain("401/403");
  });
});

describe("analytics figures", () => {
  const counts = { total: 200, queued: 40, sending: 1, sent: 150, delivered: 120, read: 60, failed: 4, skipped: 5, replied: 15, opted_out: 2, converted: 3 };
  it("rates are over what went out, progress over the whole run", () => {
    expect(ratesOf(counts)).toEqual({ delivery: 0.8, read: 0.4, response: 0.1, conversion: 0.02 });
    expect(progressPct(counts)).toBe(79.5);
    expect(ratesOf({ ...counts, sent: 0 })).toEqual({ delivery: 0, read: 0, response: 0, conversion: 0 });
    expect(progressPct({ ...counts, total: 0 })).toBe(0);
  });
});

describe("mergePolicy", () => {
  it("applies a partial change over the stored policy", () => {
    const merged = mergePolicy(DEFAULT_PACING_POLICY, { daily_cap: 150, weekend_days: [5, 6] });
    expect(merged.daily_cap).toBe(150);
    expect(merged.weekend_days).toEqual([5, 6]);
    expect(merged.gap_min_seconds).toBe(DEFAULT_PACING_POLICY.gap_min_seconds);
  });

  it("refuses naming the field: unknown fields, bad values, and rules across fields", () => {
    expect(() => mergePolicy(DEFAULT_PACING_POLICY, { daily_cup: 10 })).toThrow(/daily_cup/);
    expect(() => mergePolicy(DEFAULT_PACING_POLICY, { daily_cap: 5000 })).toThrow(/daily_cap/);
    expect(() => mergePolicy(DEFAULT_PACING_POLICY, { window_start: "9am" })).toThrow(/window_start/);
    expect(() => mergePolicy(DEFAULT_PACING_POLICY, { gap_min_seconds: 90, gap_max_seconds: 60 })).toThrow(/gap_max_seconds/);
    expect(() => mergePolicy(DEFAULT_PACING_POLICY, [])).toThrow(/object/);
  });
});

describe("rendering at claim time", () => {
  const campaign = { template_ms: "{Hai|Salam} {nama}, waranti {model} tamat {expiry_date}. Baki {baki}. {optout_link}", template_en: "", fallbacks: { model: "peranti anda" } };
  const recipient = { id: "crcp_1", phone: "+60123456789", name: "Aisyah", language: "en" as const, values: { expiry_date: "2027-01-12", baki: { sen: 123450 } } };

  it("turns frozen JSON back into dates and money", () => {
    expect(campaignValueOf("2027-01-12")).toBeInstanceOf(Date);
    expect(campaignValueOf({ sen: 100 })).toEqual({ sen: 100 });
    expect(campaignValueOf("Galaxy A54")).toBe("Galaxy A54");
    expect(campaignValueOf(null)).toBeNull();
  });

  it("falls back to the other language's template when the recipient's is empty", () => {
    expect(templateFor(campaign, "en")).toEqual({ template: campaign.template_ms, language: "ms" });
    expect(templateFor({ ...campaign, template_en: "Hi {nama}" }, "en")).toEqual({ template: "Hi {nama}", language: "en" });
  });

  it("fills variables, fallbacks and the opt-out link, and renders the same text for the same seed", () => {
    const render = (seed: string) => renderForRecipient({ campaign, recipient, shopName: "Voltura", optoutLink: "https://shop.example/optout/t0k", seed });
    const first = render("crcp_1");
    expect(first.text).toMatch(/^(Hai|Salam) Aisyah, waranti peranti anda tamat 12 Januari 2027\. Baki RM 1,234\.50\. https:\/\/shop\.example\/optout\/t0k$/);
    expect(first.missing).toEqual(["model"]);
    expect(render("crcp_1").text).toBe(first.text);
  });
});

describe("recipient CSV", () => {
  it("writes one spreadsheet-safe line per recipient with shop times", () => {
    const csv = recipientsCsv([{
      id: "crcp_1", run_no: 1, customer_id: null, phone: "+60123456789", name: "=HYPERLINK(1)", language: "ms", session_id: "wa_sess_1",
      status: "read", reason: null, body: "Hai", message_id: "wa_msg_1", claimed_at: null, sent_at: "2027-01-13T02:05:00Z",
      delivered_at: null, read_at: null, failed_at: null, replied_at: null, opted_out_at: null, converted_at: null,
    }]);
    const [header, line] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe("recipient_id,run,phone,name,language,status,reason,sent_at,delivered_at,read_at,failed_at,replied_at,opted_out_at,converted_at,message_id,sender");
    expect(line).toBe("crcp_1,1,+60123456789,'=HYPERLINK(1),ms,read,,2027-01-13 10:05,,,,,,,wa_msg_1,wa_sess_1");
    expect(shopStamp(null)).toBe("");
  });
});

describe("foldAnalytics", () => {
  it("reads counts, reasons, the per-day series and what is left per number from the grouping-set rows", () => {
    const row = (grouping_set: number, status: string, n: number, extra: Record<string, unknown> = {}) =>
      ({ grouping_set, status, n, reason: null, sent_day: null, session_id: null, replied: 0, opted_out: 0, converted: 0, ...extra });
    const g = foldAnalytics([
      row(BY_REASON, "read", 5, { replied: 2, converted: 1 }), row(BY_REASON, "sent", 3, { opted_out: 1 }), row(BY_REASON, "queued", 4),
      row(BY_REASON, "failed", 1, { reason: "error_463" }), row(BY_REASON, "failed", 2, { reason: "timeout" }), row(BY_REASON, "skipped", 1),
      row(BY_DAY, "read", 5, { sent_day: "2027-01-13" }), row(BY_DAY, "sent", 3, { sent_day: "2027-01-12" }), row(BY_DAY, "queued", 4),
      row(BY_SESSION, "queued", 3, { session_id: "wa_sess_1" }), row(BY_SESSION, "sending", 1, { session_id: "wa_sess_1" }),
      row(BY_SESSION, "read", 5, { session_id: "wa_sess_2" }),
    ]);
    expect([...g.byStatus]).toEqual([["read", 5], ["sent", 3], ["queued", 4], ["failed", 3], ["skipped", 1]]);
    expect(g.reasons).toEqual([
      { status: "failed", reason: "timeout", count: 2 }, { status: "failed", reason: "error_463", count: 1 }, { status: "skipped", reason: "unknown", count: 1 },
    ]);
    expect({ replied: g.replied, optedOut: g.optedOut, converted: g.converted }).toEqual({ replied: 2, optedOut: 1, converted: 1 });
    expect(g.perDay).toEqual([{ day: "2027-01-12", sent: 3, delivered: 0, read: 0 }, { day: "2027-01-13", sent: 5, delivered: 5, read: 5 }]);
    expect([...g.remainingBySession]).toEqual([["wa_sess_1", 4]]);
  });
});

describe("the session as a sender", () => {
  const base = { id: "wa_sess_1", name: "Counter", phone: null, state: "open", enabled: true, paired_at: null, created_at: "2027-01-01T00:00:00Z" };
  it("reads WhatsApp's timelock and new chats left from the gateway's limits, and the later timelock wins", () => {
    const session = toSession({ ...base, limits: { reachout_timelock_until: "2027-01-13T05:00:00Z", new_chat_cap: 5, new_chat_used: 2 } });
    expect(session).toMatchObject({ timelock_until: new Date("2027-01-13T05:00:00Z"), new_chats_left: 3 });
    expect(toSession({ ...base, limits: null })).toMatchObject({ timelock_until: null, new_chats_left: null });
    const sender = toSender({ id: "csnd_1", session_id: "wa_sess_1", policy: {}, timelock_until: "2027-01-13T03:00:00Z", last_sent_at: null, next_gap_seconds: null });
    expect(pacingStateOf(sender, session).timelock_until).toEqual(new Date("2027-01-13T05:00:00Z"));
    expect(pacingStateOf(sender).timelock_until).toEqual(new Date("2027-01-13T03:00:00Z"));
  });
});
