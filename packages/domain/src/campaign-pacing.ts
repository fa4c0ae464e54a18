import { z } from "zod";
import { addShopDays, shopClock, shopDate, shopDaysBetween, shopInstant, weekdayOfShopDate } from "./time.js";

/** The 13 states and 3 federal territories, by their usual three-letter codes. */
export const MALAYSIAN_STATES = [
  "JHR", "KDH", "KTN", "MLK", "NSN", "PHG", "PNG", "PRK", "PLS", "SBH", "SWK", "SGR", "TRG", "KUL", "LBN", "PJY",
] as const;
export type MalaysianState = (typeof MALAYSIAN_STATES)[number];

export const MALAYSIAN_STATE_NAMES: Record<MalaysianState, string> = {
  JHR: "Johor", KDH: "Kedah", KTN: "Kelantan", MLK: "Melaka", NSN: "Negeri Sembilan", PHG: "Pahang",
  PNG: "Pulau Pinang", PRK: "Perak", PLS: "Perlis", SBH: "Sabah", SWK: "Sarawak", SGR: "Selangor",
  TRG: "Terengganu", KUL: "Kuala Lumpur", LBN: "Labuan", PJY: "Putrajaya",
};

const FRIDAY_SATURDAY_STATES: readonly string[] = ["KDH", "KTN", "TRG"];

/** The weekend as JS weekday numbers: Kedah, Kelantan and Terengganu rest Friday–Saturday, the others Saturday–Sunday. */
export function weekendDaysForState(state: string): number[] {
  return FRIDAY_SATURDAY_STATES.includes(state.toUpperCase()) ? [5, 6] : [6, 0];
}

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:MM (24 h)");
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export const pacingPolicySchema = z
  .object({
    gap_min_seconds: z.number().int().min(1).max(3600).default(30),
    gap_max_seconds: z.number().int().min(1).max(3600).default(60),
    extra_pause_every: z.number().int().min(0).max(10_000).default(25),
    extra_pause_min_seconds: z.number().int().min(0).max(86_400).default(120),
    extra_pause_max_seconds: z.number().int().min(0).max(86_400).default(300),
    window_start: clockTime.default("09:00"),
    window_end: clockTime.default("18:00"),
    weekend_days: z.array(z.number().int().min(0).max(6)).max(6).default([6, 0]),
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD")).max(400).default([]),
    daily_cap: z.number().int().min(1).max(1000).default(120),
    warmup_days: z.number().int().min(0).max(365).default(14),
    warmup_start_cap: z.number().int().min(1).max(1000).default(20),
    paired_at: z.iso.datetime({ offset: true }).nullable().default(null),
  })
  .refine((p) => p.gap_min_seconds <= p.gap_max_seconds, { path: ["gap_max_seconds"], message: "must be at least gap_min_seconds" })
  .refine((p) => p.extra_pause_min_seconds <= p.extra_pause_max_seconds, {
    path: ["extra_pause_max_seconds"], message: "must be at least extra_pause_min_seconds",
  })
  .refine((p) => minutesOf(p.window_start) < minutesOf(p.window_end), { path: ["window_end"], message: "must be after window_start" });

export type PacingPolicy = z.infer<typeof pacingPolicySchema>;

export const DEFAULT_PACING_POLICY: PacingPolicy = pacingPolicySchema.parse({});

/** The pacing policy for a shop in a given state: the defaults with that state's weekend. */
export function pacingPolicyForState(state: string, overrides: Partial<PacingPolicy> = {}): PacingPolicy {
  return pacingPolicySchema.parse({ ...DEFAULT_PACING_POLICY, weekend_days: weekendDaysForState(state), ...overrides });
}

export interface SenderPacingState {
  last_sent_at: Date | null;
  /** The gap chosen after the last send; null means none was chosen (the policy's minimum gap applies). */
  next_gap_seconds: number | null;
  /** Sends on the shop date of `last_sent_at`; a count from an earlier day is read as 0. */
  sent_today: number;
  timelock_until: Date | null;
  paused_reason: string | null;
}

export type WaitReason = "gap" | "before_window" | "after_window" | "weekend" | "holiday" | "daily_cap" | "timelock";

export type SendDecision =
  | { kind: "send" }
  | { kind: "wait"; until: Date; reason: WaitReason }
  | { kind: "paused"; reason: string };

/** The day's cap: a linear warm-up from warmup_start_cap to daily_cap over warmup_days (shop days) after pairing. */
export function dailyCapOn(policy: PacingPolicy, at: Date): number {
  if (!policy.paired_at || policy.warmup_days <= 0) return policy.daily_cap;
  const start = Math.min(policy.warmup_start_cap, policy.daily_cap);
  const day = shopDaysBetween(shopDate(new Date(policy.paired_at)), shopDate(at));
  if (day <= 0) return start;
  if (day >= policy.warmup_days) return policy.daily_cap;
  return Math.floor(start + ((policy.daily_cap - start) * day) / policy.warmup_days);
}

function isRestDay(policy: PacingPolicy, date: string): "weekend" | "holiday" | null {
  if (policy.holidays.includes(date)) return "holiday";
  if (policy.weekend_days.includes(weekdayOfShopDate(date))) return "weekend";
  return null;
}

/** Two years of rest days in a row means the policy never allows a send. */
const SEARCH_DAYS = 730;

/**
 * The earliest instant at or after `from` at which the window, the rest days and the daily cap all allow a send.
 * `sentOnDate` counts the sends already made on `countDate`; later days start at 0.
 */
function earliestAllowed(policy: PacingPolicy, from: Date, countDate: string, sentOnDate: number): Date | null {
  const startMinutes = minutesOf(policy.window_start);
  const endMinutes = minutesOf(policy.window_end);
  let candidate = from;
  for (let i = 0; i < SEARCH_DAYS; i += 1) {
    const clock = shopClock(candidate);
    const nextDayStart = () => shopInstant(addShopDays(clock.date, 1), policy.window_start);
    const sent = clock.date === countDate ? sentOnDate : 0;
    if (isRestDay(policy, clock.date) || clock.minutes >= endMinutes || sent >= dailyCapOn(policy, candidate)) {
      candidate = nextDayStart();
      continue;
    }
    if (clock.minutes < startMinutes) return shopInstant(clock.date, policy.window_start);
    return candidate;
  }
  return null;
}

/**
 * The pacing gate: may this sender send now? If not, `until` is the earliest instant at which every rule
 * (timelock, gap, window, rest days, daily cap) allows a send, and `reason` the rule that blocks now.
 */
export function decideSend(policy: PacingPolicy, state: SenderPacingState, now: Date): SendDecision {
  if (state.paused_reason) return { kind: "paused", reason: state.paused_reason };

  const today = shopDate(now);
  const sentToday = state.last_sent_at && shopDate(state.last_sent_at) === today ? state.sent_today : 0;
  const gapSeconds = state.next_gap_seconds ?? policy.gap_min_seconds;
  const gapEnds = state.last_sent_at ? state.last_sent_at.getTime() + gapSeconds * 1000 : Number.NEGATIVE_INFINITY;
  const timelockEnds = state.timelock_until ? state.timelock_until.getTime() : Number.NEGATIVE_INFINITY;

  const from = new Date(Math.max(now.getTime(), gapEnds, timelockEnds));
  const allowedAt = earliestAllowed(policy, from, today, sentToday);
  if (!allowedAt) return { kind: "paused", reason: "no_allowed_day" };
  if (allowedAt.getTime() <= now.getTime()) return { kind: "send" };
  return { kind: "wait", until: allowedAt, reason: reasonNow(policy, now, sentToday, timelockEnds) };
}

function reasonNow(policy: PacingPolicy, now: Date, sentToday: number, timelockEnds: number): WaitReason {
  if (timelockEnds > now.getTime()) return "timelock";
  const clock = shopClock(now);
  const restDay = isRestDay(policy, clock.date);
  if (restDay) return restDay;
  if (clock.minutes < minutesOf(policy.window_start)) return "before_window";
  if (clock.minutes >= minutesOf(policy.window_end)) return "after_window";
  if (sentToday >= dailyCapOn(policy, now)) return "daily_cap";
  return "gap";
}

function randomInt(min: number, max: number, random: () => number): number {
  const r = Math.min(Math.max(random(), 0), 0.999_999_999);
  return min + Math.floor(r * (max - min + 1));
}

/**
 * The gap to wait after a send. `sendsSinceExtraPause` counts the sends since the last extra pause, including the one
 * just made; when it reaches `extra_pause_every` an extra pause is added (and the caller restarts the count).
 */
export function pickGapSeconds(
  policy: PacingPolicy,
  sendsSinceExtraPause: number,
  random: () => number,
): { seconds: number; extraPause: boolean } {
  const gap = randomInt(policy.gap_min_seconds, policy.gap_max_seconds, random);
  const extraPause = policy.extra_pause_every > 0 && sendsSinceExtraPause >= policy.extra_pause_every;
  if (!extraPause) return { seconds: gap, extraPause };
  return { seconds: gap + randomInt(policy.extra_pause_min_seconds, policy.extra_pause_max_seconds, random), extraPause };
}

/** True when a contact had a campaign message less than `capDays` days ago. */
export function contactCapBlocks(lastCampaignMessageAt: Date | null, now: Date, capDays: number): boolean {
  if (!lastCampaignMessageAt || capDays <= 0) return false;
  return now.getTime() - lastCampaignMessageAt.getTime() < capDays * 86_400_000;
}

export const TYPING_MIN_MS = 1_500;
export const TYPING_MAX_MS = 8_000;
const TYPING_MS_PER_CHAR = 60;

/** How long "typing…" shows before a message: about a brisk typist's time for the text, within 1.5–8 s. */
export function typingMillis(text: string): number {
  const chars = [...text.trim()].length;
  return Math.min(TYPING_MAX_MS, Math.max(TYPING_MIN_MS, chars * TYPING_MS_PER_CHAR));
}

/** Is a scheduled firing missed by more than the allowed delay (it then waits for a person instead of firing late)? */
export function isStaleSchedule(scheduledAt: Date, now: Date, staleAfterMinutes: number): boolean {
  return now.getTime() - scheduledAt.getTime() > staleAfterMinutes * 60_000;
}

/** A sender's last 24 h. `delivered` counts messages that reached at least "delivered" (read ones included). */
export interface SenderHealthInput {
  sent: number;
  delivered: number;
  read: number;
  replied: number;
  /** Sends refused with error 463 (WhatsApp's restriction on reaching new contacts). */
  failed_463: number;
  /** Sends refused with 401/403 (logged out or forbidden). */
  failed_auth: number;
  /** Recipients who blocked or reported the number. */
  blocks: number;
  timelock_active: boolean;
}

export type SenderHealthVerdict = "healthy" | "watch" | "pause";

export interface SenderHealth {
  score: number;
  verdict: SenderHealthVerdict;
  reasons: string[];
}

export const HEALTH_PAUSE_BELOW = 50;
export const HEALTH_WATCH_BELOW = 80;

/**
 * A 0–100 health score for a sending number and what to do about it. WhatsApp's own signals (a timelock,
 * repeated 401/403, a run of 463s, blocks) pause at once; weaker signals (poor delivery, no replies) lower the score.
 */
export function senderHealth(input: SenderHealthInput): SenderHealth {
  const reasons: string[] = [];
  let score = 100;
  let mustPause = false;
  const sent = Math.max(input.sent, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

  if (input.timelock_active) {
    score -= 60;
    mustPause = true;
    reasons.push("WhatsApp has time-locked new chats from this number");
  }
  if (input.failed_auth > 0) {
    score -= 35 * input.failed_auth;
    mustPause ||= input.failed_auth >= 2;
    reasons.push(`${plural(input.failed_auth, "send")} refused with 401/403`);
  }
  if (input.failed_463 > 0) {
    score -= 10 * input.failed_463;
    mustPause ||= input.failed_463 >= 5;
    reasons.push(`${plural(input.failed_463, "send")} refused with 463`);
  }
  if (input.blocks > 0) {
    score -= 25 * input.blocks;
    mustPause ||= input.blocks >= 2 && input.blocks / Math.max(sent, 1) >= 0.02;
    reasons.push(`${plural(input.blocks, "recipient")} blocked or reported the number`);
  }
  if (sent >= 20) {
    const deliveredRate = Math.max(input.delivered, input.read) / sent;
    if (deliveredRate < 0.5) {
      score -= 25;
      reasons.push(`only ${Math.round(deliveredRate * 100)}% of sends delivered`);
    } else if (deliveredRate < 0.8) {
      score -= 10;
      reasons.push(`${Math.round(deliveredRate * 100)}% of sends delivered`);
    }
    const replyRate = input.replied / sent;
    if (replyRate >= 0.05) score += 5;
    else if (input.replied === 0 && sent >= 50) {
      score -= 5;
      reasons.push("no replies");
    }
  }

  score = Math.max(0, Math.min(100, Math.round(score)));
  const verdict: SenderHealthVerdict =
    mustPause || score < HEALTH_PAUSE_BELOW ? "pause" : score < HEALTH_WATCH_BELOW ? "watch" : "healthy";
  return { score, verdict, reasons };
}
