import { describe, expect, it } from "vitest";
import {
  contactCapBlocks, dailyCapOn, decideSend, DEFAULT_PACING_POLICY, isStaleSchedule, MALAYSIAN_STATES, pacingPolicyForState,
  pacingPolicySchema, pickGapSeconds, typingMillis, weekendDaysForState, type PacingPolicy, type SenderPacingState,
} from "./campaign-pacing.js";
import { shopDate } from "./time.js";

/** A shop wall-clock time (Asia/Kuala_Lumpur, UTC+8). 2026-12-07 is a Monday. */
const myt = (local: string) => new Date(`${local}+08:00`);
const IDLE: SenderPacingState = { last_sent_at: null, next_gap_seconds: null, sent_today: 0, timelock_until: null, paused_reason: null };
const SGR = pacingPolicyForState("SGR");
const KDH = pacingPolicyForState("KDH");

describe("weekendDaysForState", () => {
  it("has the 16 states and territories", () => expect(MALAYSIAN_STATES).toHaveLength(16));
  it.each([
    ["KDH", [5, 6]], ["KTN", [5, 6]], ["TRG", [5, 6]], ["ktn", [5, 6]],
    ["SGR", [6, 0]], ["KUL", [6, 0]], ["JHR", [6, 0]], ["PNG", [6, 0]], ["SBH", [6, 0]], ["SWK", [6, 0]],
  ])("%s rests on %j", (state, days) => expect(weekendDaysForState(state)).toEqual(days));
});

describe("pacingPolicySchema", () => {
  it("fills the defaults", () => {
    expect(DEFAULT_PACING_POLICY).toMatchObject({
      gap_min_seconds: 30, gap_max_seconds: 60, extra_pause_every: 25, window_start: "09:00", window_end: "18:00",
      weekend_days: [6, 0], holidays: [], daily_cap: 120, warmup_days: 14, warmup_start_cap: 20, paired_at: null,
    });
  });
  it.each<[string, Partial<PacingPolicy>, string]>([
    ["cap above 1000", { daily_cap: 1001 }, "daily_cap"],
    ["cap of 0", { daily_cap: 0 }, "daily_cap"],
    ["gap max below min", { gap_min_seconds: 60, gap_max_seconds: 30 }, "gap_max_seconds"],
    ["window that ends before it starts", { window_start: "18:00", window_end: "09:00" }, "window_end"],
    ["bad clock time", { window_start: "9am" }, "window_start"],
    ["bad holiday", { holidays: ["25/12/2026"] }, "holidays"],
  ])("rejects %s, naming the field", (_name, patch, field) => {
    const result = pacingPolicySchema.safeParse({ ...DEFAULT_PACING_POLICY, ...patch });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path[0]).toBe(field);
  });
});

describe("decideSend: window, weekends and holidays", () => {
  it.each<{ name: string; policy: PacingPolicy; now: string; until?: string; reason?: string }>([
    { name: "08:59 Monday waits for 09:00", policy: SGR, now: "2026-12-07T08:59:00", until: "2026-12-07T09:00:00", reason: "before_window" },
    { name: "09:00 Monday sends", policy: SGR, now: "2026-12-07T09:00:00" },
    { name: "17:59 Monday sends", policy: SGR, now: "2026-12-07T17:59:00" },
    { name: "17:59:59 Monday sends", policy: SGR, now: "2026-12-07T17:59:59" },
    { name: "18:00 Monday waits for Tuesday 09:00", policy: SGR, now: "2026-12-07T18:00:00", until: "2026-12-08T09:00:00", reason: "after_window" },
    { name: "00:30 Tuesday waits for 09:00 the same day", policy: SGR, now: "2026-12-08T00:30:00", until: "2026-12-08T09:00:00", reason: "before_window" },
    { name: "Selangor Friday 18:00 → Monday 09:00", policy: SGR, now: "2026-12-11T18:00:00", until: "2026-12-14T09:00:00", reason: "after_window" },
    { name: "Selangor Saturday is a weekend", policy: SGR, now: "2026-12-12T10:00:00", until: "2026-12-14T09:00:00", reason: "weekend" },
    { name: "Selangor Sunday is a weekend", policy: SGR, now: "2026-12-13T10:00:00", until: "2026-12-14T09:00:00", reason: "weekend" },
    { name: "Selangor Friday sends", policy: SGR, now: "2026-12-11T10:00:00" },
    { name: "Kedah Thursday 18:00 → Sunday 09:00", policy: KDH, now: "2026-12-10T18:00:00", until: "2026-12-13T09:00:00", reason: "after_window" },
    { name: "Kedah Friday is a weekend", policy: KDH, now: "2026-12-11T10:00:00", until: "2026-12-13T09:00:00", reason: "weekend" },
    { name: "Kedah Saturday is a weekend", policy: KDH, now: "2026-12-12T12:00:00", until: "2026-12-13T09:00:00", reason: "weekend" },
    { name: "Kedah Sunday sends", policy: KDH, now: "2026-12-13T09:00:00" },
    { name: "Kelantan Friday is a weekend", policy: pacingPolicyForState("KTN"), now: "2026-12-11T10:00:00", until: "2026-12-13T09:00:00", reason: "weekend" },
    { name: "Terengganu Friday is a weekend", policy: pacingPolicyForState("TRG"), now: "2026-12-11T10:00:00", until: "2026-12-13T09:00:00", reason: "weekend" },
    { name: "Johor Sunday is a weekend", policy: pacingPolicyForState("JHR"), now: "2026-12-13T10:00:00", until: "2026-12-14T09:00:00", reason: "weekend" },
    {
      name: "a holiday is skipped (Christmas on Friday → Monday)", policy: { ...SGR, holidays: ["2026-12-25"] },
      now: "2026-12-25T10:00:00", until: "2026-12-28T09:00:00", reason: "holiday",
    },
    {
      name: "the day after the window ends is a holiday → the next working day", policy: { ...SGR, holidays: ["2026-12-08", "2026-12-09"] },
      now: "2026-12-07T18:30:00", until: "2026-12-10T09:00:00", reason: "after_window",
    },
    {
      name: "a custom window 10:00–16:00", policy: { ...SGR, window_start: "10:00", window_end: "16:00" },
      now: "2026-12-07T16:00:00", until: "2026-12-08T10:00:00", reason: "after_window",
    },
  ])("$name", ({ policy, now, until, reason }) => {
    const decision = decideSend(policy, IDLE, myt(now));
    if (!until) expect(decision).toEqual({ kind: "send" });
    else expect(decision).toEqual({ kind: "wait", until: myt(until), reason });
  });

  it("pauses when no day of the week is allowed", () => {
    const policy = { ...SGR, weekend_days: [0, 1, 2, 3, 4, 5, 6] };
    expect(decideSend(policy, IDLE, myt("2026-12-07T10:00:00"))).toEqual({ kind: "paused", reason: "no_allowed_day" });
  });
});

describe("decideSend: gap, cap, timelock and pause", () => {
  const sentAt = (local: string, extra: Partial<SenderPacingState> = {}): SenderPacingState => ({
    ...IDLE, last_sent_at: myt(local), next_gap_seconds: 45, sent_today: 1, ...extra,
  });
  it.each<{ name: string; policy?: PacingPolicy; state: SenderPacingState; now: string; until?: string; reason?: string }>([
    { name: "inside the gap waits for its end", state: sentAt("2026-12-07T10:00:00"), now: "2026-12-07T10:00:30", until: "2026-12-07T10:00:45", reason: "gap" },
    { name: "exactly at the gap's end sends", state: sentAt("2026-12-07T10:00:00"), now: "2026-12-07T10:00:45" },
    { name: "no chosen gap uses the minimum", state: sentAt("2026-12-07T10:00:00", { next_gap_seconds: null }), now: "2026-12-07T10:00:10", until: "2026-12-07T10:00:30", reason: "gap" },
    {
      name: "a gap running past 18:00 waits for the next day", state: sentAt("2026-12-07T17:59:40"),
      now: "2026-12-07T17:59:50", until: "2026-12-08T09:00:00", reason: "gap",
    },
    {
      name: "cap reached on a Monday → Tuesday 09:00", state: sentAt("2026-12-07T11:00:00", { sent_today: 120 }),
      now: "2026-12-07T11:05:00", until: "2026-12-08T09:00:00", reason: "daily_cap",
    },
    {
      name: "cap reached on a Friday in Selangor → Monday 09:00", state: sentAt("2026-12-11T11:00:00", { sent_today: 120 }),
      now: "2026-12-11T11:05:00", until: "2026-12-14T09:00:00", reason: "daily_cap",
    },
    {
      name: "cap reached on a Thursday in Kedah → Sunday 09:00", policy: KDH, state: sentAt("2026-12-10T11:00:00", { sent_today: 120 }),
      now: "2026-12-10T11:05:00", until: "2026-12-13T09:00:00", reason: "daily_cap",
    },
    { name: "one below the cap sends", state: sentAt("2026-12-07T11:00:00", { sent_today: 119 }), now: "2026-12-07T11:05:00" },
    { name: "yesterday's count does not hold today back", state: sentAt("2026-12-07T17:00:00", { sent_today: 120 }), now: "2026-12-08T09:00:00" },
    {
      name: "a timelock waits for its end", state: { ...IDLE, timelock_until: myt("2026-12-07T13:30:00") },
      now: "2026-12-07T10:00:00", until: "2026-12-07T13:30:00", reason: "timelock",
    },
    {
      name: "a timelock ending after hours → the next allowed morning", state: { ...IDLE, timelock_until: myt("2026-12-11T20:00:00") },
      now: "2026-12-11T10:00:00", until: "2026-12-14T09:00:00", reason: "timelock",
    },
    { name: "an expired timelock sends", state: { ...IDLE, timelock_until: myt("2026-12-07T09:30:00") }, now: "2026-12-07T10:00:00" },
  ])("$name", ({ policy = SGR, state, now, until, reason }) => {
    const decision = decideSend(policy, state, myt(now));
    if (!until) expect(decision).toEqual({ kind: "send" });
    else expect(decision).toEqual({ kind: "wait", until: myt(until), reason });
  });

  it("a paused sender stays paused whatever the clock says", () => {
    expect(decideSend(SGR, { ...IDLE, paused_reason: "health" }, myt("2026-12-07T10:00:00"))).toEqual({ kind: "paused", reason: "health" });
  });

  it("never answers wait with an instant in the past or a disallowed instant", () => {
    for (let minute = 0; minute < 7 * 24 * 60; minute += 37) {
      const now = new Date(myt("2026-12-07T00:00:00").getTime() + minute * 60_000);
      const decision = decideSend(KDH, { ...IDLE, last_sent_at: now, next_gap_seconds: 50, sent_today: 5 }, now);
      expect(decision.kind).toBe("wait");
      if (decision.kind !== "wait") continue;
      expect(decision.until.getTime()).toBeGreaterThanOrEqual(now.getTime() + 50_000);
      expect(decideSend(KDH, { ...IDLE, last_sent_at: now, next_gap_seconds: 50, sent_today: 5 }, decision.until)).toEqual({ kind: "send" });
    }
  });
});

describe("dailyCapOn: warm-up", () => {
  const paired = { ...SGR, paired_at: myt("2026-12-01T15:00:00").toISOString(), daily_cap: 160, warmup_start_cap: 20, warmup_days: 14 };
  it.each([
    ["the pairing day", "2026-12-01T20:00:00", 20],
    ["the next day", "2026-12-02T09:00:00", 30],
    ["halfway", "2026-12-08T09:00:00", 90],
    ["the last ramp day", "2026-12-14T09:00:00", 150],
    ["after the ramp", "2026-12-15T09:00:00", 160],
    ["long after", "2027-06-01T09:00:00", 160],
    ["before pairing", "2026-11-20T09:00:00", 20],
  ])("%s", (_name, at, cap) => expect(dailyCapOn(paired, myt(at))).toBe(cap));
  it("no pairing date or no warm-up means the full cap", () => {
    expect(dailyCapOn(SGR, myt("2026-12-07T10:00:00"))).toBe(120);
    expect(dailyCapOn({ ...paired, warmup_days: 0 }, myt("2026-12-01T20:00:00"))).toBe(160);
  });
  it("a start cap above the cap is held to the cap", () => {
    expect(dailyCapOn({ ...paired, warmup_start_cap: 500 }, myt("2026-12-02T10:00:00"))).toBe(160);
  });
  it("the gate holds a newly paired number to the ramp", () => {
    const state: SenderPacingState = { ...IDLE, last_sent_at: myt("2026-12-02T10:00:00"), next_gap_seconds: 30, sent_today: 30 };
    expect(decideSend(paired, state, myt("2026-12-02T11:00:00"))).toEqual({ kind: "wait", until: myt("2026-12-03T09:00:00"), reason: "daily_cap" });
    expect(decideSend(paired, { ...state, sent_today: 29 }, myt("2026-12-02T11:00:00"))).toEqual({ kind: "send" });
  });
});

describe("pickGapSeconds", () => {
  const sequence = (...values: number[]) => () => values.shift() ?? 0;
  it.each([
    [0, 0, 30, false],
    [0.999999, 0, 60, false],
    [0.5, 24, 45, false],
    [0, 1, 30, false],
  ])("random %s after %s sends → %s s", (r, sends, seconds, extraPause) => {
    expect(pickGapSeconds(DEFAULT_PACING_POLICY, sends, () => r)).toEqual({ seconds, extraPause });
  });
  it("adds an extra pause every N sends", () => {
    expect(pickGapSeconds(DEFAULT_PACING_POLICY, 25, sequence(0, 0))).toEqual({ seconds: 30 + 120, extraPause: true });
    expect(pickGapSeconds(DEFAULT_PACING_POLICY, 25, sequence(0.999999, 0.999999))).toEqual({ seconds: 60 + 300, extraPause: true });
  });
  it("no extra pause when every is 0", () => {
    expect(pickGapSeconds({ ...DEFAULT_PACING_POLICY, extra_pause_every: 0 }, 1000, () => 0.5).extraPause).toBe(false);
  });
  it("stays within bounds for any random value, even out of range", () => {
    for (const r of [-1, 0, 0.1, 0.33, 0.5, 0.9, 0.9999999999, 1, 2]) {
      const { seconds } = pickGapSeconds(DEFAULT_PACING_POLICY, 3, () => r);
      expect(seconds).toBeGreaterThanOrEqual(30);
      expect(seconds).toBeLessThanOrEqual(60);
      const extra = pickGapSeconds(DEFAULT_PACING_POLICY, 25, () => r).seconds;
      expect(extra).toBeGreaterThanOrEqual(150);
      expect(extra).toBeLessThanOrEqual(360);
    }
  });
});

describe("contactCapBlocks", () => {
  const now = myt("2026-12-07T10:00:00");
  const DAY = 86_400_000;
  it.each<[string, Date | null, number, boolean]>([
    ["never messaged", null, 7, false],
    ["1 day ago", new Date(now.getTime() - DAY), 7, true],
    ["1 ms short of 7 days", new Date(now.getTime() - 7 * DAY + 1), 7, true],
    ["exactly 7 days ago", new Date(now.getTime() - 7 * DAY), 7, false],
    ["8 days ago", new Date(now.getTime() - 8 * DAY), 7, false],
    ["cap off", new Date(now.getTime() - 1000), 0, false],
  ])("%s", (_name, last, days, blocks) => expect(contactCapBlocks(last, now, days)).toBe(blocks));
});

describe("typingMillis and isStaleSchedule", () => {
  it.each([["", 1500], ["Hai", 1500], ["x".repeat(50), 3000], ["x".repeat(100), 6000], ["x".repeat(1000), 8000]])(
    "typing for %#", (text, ms) => expect(typingMillis(text)).toBe(ms),
  );
  it("grows with the text", () => expect(typingMillis("x".repeat(60))).toBeGreaterThan(typingMillis("x".repeat(40))));
  const at = myt("2026-12-07T09:00:00");
  it.each([[0, false], [59, false], [60, false], [61, true], [600, true], [-30, false]])(
    "%s min late with 60 allowed → stale %s", (minutes, stale) => {
      expect(isStaleSchedule(at, new Date(at.getTime() + minutes * 60_000 + (minutes === 60 ? 0 : 1)), 60)).toBe(stale);
    },
  );
  it("shopDate reads the shop's calendar", () => {
    expect(shopDate(new Date("2026-12-07T15:59:59Z"))).toBe("2026-12-07");
    expect(shopDate(new Date("2026-12-07T16:00:00Z"))).toBe("2026-12-08");
  });
});
