import { audienceFilterSchema, createCampaignBodySchema } from "@voltura/contracts";
import { describe, expect, it } from "vitest";
import { audienceFilterFrom, BuilderFieldError, builderValuesFrom, builderValuesOf, campaignBodyFrom, EMPTY_BUILDER, ringgitTextToSen, type BuilderSource } from "./builder-form";

function form(fields: [string, string][]): FormData {
  const data = new FormData();
  for (const [k, v] of fields) data.append(k, v);
  return data;
}

describe("campaign builder form → planner body", () => {
  it("reads every filter, converts RM to sen and shop dates to UTC instants, and passes the planner's schema", () => {
    const values = builderValuesFrom(
      form([
        ["name", "  Warranty ending  "],
        ["session_ids", "wa_1"],
        ["session_ids", "wa_2"],
        ["schedule_kind", "at"],
        ["schedule_date", "2027-01-12"],
        ["schedule_time", "10:30"],
        ["template_ms", "Hai {nama}"],
        ["template_en", "Hi {nama}"],
        ["fallback.nama", " pelanggan "],
        ["fallback.model", ""],
        ["audience_mode", "filter"],
        ["freeze_at_launch", "on"],
        ["customer_types", "walk_in"],
        ["customer_types", "not-a-type"],
        ["tags", "VIP, vip ,student"],
        ["device_types", "phone"],
        ["brands", "Apple,Samsung"],
        ["last_visit_before", "2026-12-01"],
        ["spent_above_rm", "RM 1,234.5"],
        ["warranty_within_days", "30"],
        ["job_statuses", "completed"],
      ]),
    );
    const body = campaignBodyFrom(values);
    expect(body.name).toBe("Warranty ending");
    expect(body.session_ids).toEqual(["wa_1", "wa_2"]);
    // 10:30 in Kuala Lumpur (UTC+8) is 02:30 UTC.
    expect(body.schedule).toEqual({ kind: "at", at: "2027-01-12T02:30:00.000Z" });
    expect(body.fallbacks).toEqual({ nama: "pelanggan" });
    expect(body.audience).toEqual({
      mode: "filter",
      freeze_at_launch: true,
      filter: {
        customer_types: ["walk_in"],
        tags: ["vip", "student"],
        device_types: ["phone"],
        brands: ["Apple", "Samsung"],
        last_visit_before: "2026-11-30T16:00:00.000Z",
        spent_above_sen: 123450,
        warranty_expiring_within_days: 30,
        job_statuses: ["completed"],
      },
    });
    expect(createCampaignBodySchema.safeParse(body).success).toBe(true);
  });

  it("builds recurring schedules with the weekday or day of the month", () => {
    const weekly = campaignBodyFrom({ ...EMPTY_BUILDER, name: "x", schedule_kind: "recurring", recurring_every: "week", recurring_weekday: "5", schedule_time: "09:15" });
    expect(weekly.schedule).toEqual({ kind: "recurring", every: "week", at: "09:15", weekday: 5 });
    const monthly = campaignBodyFrom({ ...EMPTY_BUILDER, name: "x", schedule_kind: "recurring", recurring_every: "month", recurring_day: "28" });
    expect(monthly.schedule).toEqual({ kind: "recurring", every: "month", at: "10:00", day: 28 });
  });

  it("names the field it refuses", () => {
    expect(() => campaignBodyFrom({ ...EMPTY_BUILDER, schedule_kind: "at", schedule_date: "" })).toThrow(BuilderFieldError);
    try {
      audienceFilterFrom({ ...EMPTY_BUILDER, spent_above_rm: "12.345" });
      expect.unreachable();
    } catch (err) {
      expect((err as BuilderFieldError).field).toBe("spent_above_rm");
    }
    expect(() => audienceFilterFrom({ ...EMPTY_BUILDER, warranty_within_days: "-3" })).toThrow(/whole number/);
  });

  it("sends an empty filter (everyone, minus exclusions) when nothing is chosen, and a list audience as list", () => {
    expect(audienceFilterFrom(EMPTY_BUILDER)).toEqual({});
    expect(audienceFilterSchema.safeParse(audienceFilterFrom(EMPTY_BUILDER)).success).toBe(true);
    expect(campaignBodyFrom({ ...EMPTY_BUILDER, name: "x", audience_mode: "list" }).audience).toEqual({ mode: "list" });
  });

  it("converts ringgit text to sen exactly", () => {
    expect(ringgitTextToSen("150")).toBe(15000);
    expect(ringgitTextToSen("0.05")).toBe(5);
    expect(ringgitTextToSen("19.9")).toBe(1990);
    expect(ringgitTextToSen("")).toBeUndefined();
  });

  it("keeps the uploaded media unless removal is ticked", () => {
    const media = { file_id: "file_1", mimetype: "image/png", filename: "promo.png", kind: "image" };
    expect(builderValuesFrom(form([["media_json", JSON.stringify(media)]])).media).toEqual(media);
    expect(builderValuesFrom(form([["media_json", JSON.stringify(media)], ["media_remove", "on"]])).media).toBeNull();
    expect(builderValuesFrom(form([["media_json", "{not json"]])).media).toBeNull();
  });

  it("round-trips a saved campaign into the form in shop time and RM", () => {
    const campaign: BuilderSource = {
      name: "Promo",
      description: null,
      session_ids: ["wa_1"],
      schedule: { kind: "at", at: "2027-01-12T02:30:00.000Z" },
      stale_after_minutes: 90,
      template_ms: "Hai",
      template_en: "Hi",
      fallbacks: { nama: "pelanggan" },
      media: null,
      audience: { mode: "filter", freeze_at_launch: false, filter: { spent_above_sen: 123450, last_visit_after: "2026-11-30T16:00:00.000Z", tags: ["vip"] } },
      reply_window_days: 3,
      conversion_window_days: 14,
      routing: "auto",
      cloud_template: { session_id: "wa_cloud", name: "promo_dec", language: "ms", params: ["nama"] },
      recent_chat_days: 21,
    };
    const v = builderValuesOf(campaign);
    expect(v.schedule_date).toBe("2027-01-12");
    expect(v.schedule_time).toBe("10:30");
    expect(v.spent_above_rm).toBe("1234.50");
    expect(v.last_visit_after).toBe("2026-12-01");
    expect(v.freeze_at_launch).toBe(false);
    expect(campaignBodyFrom(v).audience).toEqual(campaign.audience);
    expect(campaignBodyFrom(v).schedule).toEqual(campaign.schedule);
    expect(campaignBodyFrom(v)).toMatchObject({ routing: "auto", cloud_template: campaign.cloud_template, recent_chat_days: 21 });
  });
});
