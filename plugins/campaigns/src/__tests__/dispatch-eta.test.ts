import { describe, expect, it } from "vitest";
import { pacingPolicySchema, shopInstant } from "@voltura/domain";
import { averageGapSeconds, campaignEta, finishOfSends } from "../domain/eta";

// 2027-01-13 is a Wednesday; Selangor rests Saturday–Sunday.
const policy = pacingPolicySchema.parse({ gap_min_seconds: 30, gap_max_seconds: 60, extra_pause_every: 0, daily_cap: 100, warmup_days: 0 });
const wed = (hhmm: string) => shopInstant("2027-01-13", hhmm);

describe("averageGapSeconds", () => {
  it("is the mean gap plus the mean extra pause spread over its period", () => {
    expect(averageGapSeconds(policy)).toBe(45);
    const withPause = pacingPolicySchema.parse({ gap_min_seconds: 30, gap_max_seconds: 60, extra_pause_every: 25, extra_pause_min_seconds: 120, extra_pause_max_seconds: 300 });
    expect(averageGapSeconds(withPause)).toBeCloseTo(45 + 210 / 25);
  });
});

describe("finishOfSends", () => {
  it("finishes within today's window when the sends fit", () => {
    expect(finishOfSends(policy, 0, 1, wed("10:00"))).toEqual(wed("10:00"));
    expect(finishOfSends(policy, 0, 11, wed("10:00"))).toEqual(new Date(wed("10:00").getTime() + 10 * 45_000));
  });

  it("starts at the window's opening when asked before it", () => {
    expect(finishOfSends(policy, 0, 1, wed("07:00"))).toEqual(wed("09:00"));
  });

  it("carries what the daily cap leaves to the next allowed day, skipping the weekend", () => {
    // Friday 2027-01-15 with 100 already sent: the next send is Monday 09:00.
    expect(finishOfSends(policy, 100, 1, shopInstant("2027-01-15", "10:00"))).toEqual(shopInstant("2027-01-18", "09:00"));
    // Wednesday: 30 left today (70 sent), then 100 Thursday: the 131st send is Friday's first.
    expect(finishOfSends(policy, 70, 131, wed("10:00"))).toEqual(shopInstant("2027-01-15", "09:00"));
  });

  it("skips holidays and a window that has closed", () => {
    const withHoliday = { ...policy, holidays: ["2027-01-14"] };
    expect(finishOfSends(withHoliday, 0, 1, wed("18:30"))).toEqual(shopInstant("2027-01-15", "09:00"));
  });

  it("limits a day by what fits in the window at the average gap", () => {
    const tight = { ...policy, window_start: "09:00", window_end: "09:10", daily_cap: 1000 };
    // 10 minutes at 45 s: 14 sends (0 s, 45 s, … 585 s), the 15th is the next day's first.
    expect(finishOfSends(tight, 0, 14, wed("09:00"))).toEqual(new Date(wed("09:00").getTime() + 13 * 45_000));
    expect(finishOfSends(tight, 0, 15, wed("09:00"))).toEqual(shopInstant("2027-01-14", "09:00"));
  });

  it("gives no finish when the policy allows no day", () => {
    expect(finishOfSends({ ...policy, daily_cap: 1, window_end: "09:01" }, 1, 500, wed("10:00"))).toBeNull();
  });
});

describe("campaignEta", () => {
  it("is the latest finish over the numbers, counting the other campaigns' turns", () => {
    const now = wed("10:00");
    const eta = campaignEta([
      { policy, sent_today: 0, remaining: 5, others_remaining: 0, can_send: true },
      { policy, sent_today: 0, remaining: 5, others_remaining: 100, can_send: true },
    ], now);
    expect(eta).toEqual(new Date(now.getTime() + 9 * 45_000));
  });

  it("promises nothing while a number with work left cannot send, and nothing when no work is left", () => {
    expect(campaignEta([{ policy, sent_today: 0, remaining: 5, others_remaining: 0, can_send: false }], wed("10:00"))).toBeNull();
    expect(campaignEta([{ policy, sent_today: 0, remaining: 0, others_remaining: 0, can_send: false }], wed("10:00"))).toBeNull();
  });
});
