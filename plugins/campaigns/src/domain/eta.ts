import { addShopDays, dailyCapOn, shopDate, shopInstant, weekdayOfShopDate, type PacingPolicy } from "@voltura/domain";

/** The average seconds between two sends of a number: the mean gap plus the mean extra pause spread over its period. */
export function averageGapSeconds(policy: PacingPolicy): number {
  const gap = (policy.gap_min_seconds + policy.gap_max_seconds) / 2;
  if (policy.extra_pause_every <= 0) return gap;
  return gap + (policy.extra_pause_min_seconds + policy.extra_pause_max_seconds) / 2 / policy.extra_pause_every;
}

export interface SenderBacklog {
  policy: PacingPolicy;
  /** Sends already made today (shop date of `now`). */
  sent_today: number;
  /** This campaign's recipients left on the number. */
  remaining: number;
  /** Other running campaigns' recipients left on the number (they take turns, round-robin). */
  others_remaining: number;
  /** False when the number is paused or disconnected: its share waits, so no finish can be promised. */
  can_send: boolean;
}

/** Search at most this many days ahead (a policy that allows nothing gives no ETA). */
const HORIZON_DAYS = 400;

/**
 * When the `sends`-th next send of a number is expected: day by day from now, each allowed day (not a weekend or
 * holiday) gives min(its cap left, what fits in its window at the average gap).
 */
export function finishOfSends(policy: PacingPolicy, sentToday: number, sends: number, now: Date): Date | null {
  if (sends <= 0) return now;
  const gapMs = averageGapSeconds(policy) * 1000;
  let left = sends;
  const today = shopDate(now);
  for (let i = 0; i < HORIZON_DAYS; i += 1) {
    const date = addShopDays(today, i);
    if (policy.holidays.includes(date) || policy.weekend_days.includes(weekdayOfShopDate(date))) continue;
    const windowStart = shopInstant(date, policy.window_start).getTime();
    const windowEnd = shopInstant(date, policy.window_end).getTime();
    const start = Math.max(windowStart, now.getTime());
    if (start >= windowEnd) continue;
    const capLeft = dailyCapOn(policy, new Date(start)) - (i === 0 ? sentToday : 0);
    const fits = Math.floor((windowEnd - start) / gapMs) + 1;
    const possible = Math.max(0, Math.min(capLeft, fits));
    if (left <= possible) return new Date(start + (left - 1) * gapMs);
    left -= possible;
  }
  return null;
}

/**
 * The campaign's ETA: the latest finish over its numbers. With round-robin, this campaign's last recipient on a number
 * goes out after its own remaining plus at most as many of the other campaigns' sends.
 */
export function campaignEta(backlogs: readonly SenderBacklog[], now: Date): Date | null {
  let latest: Date | null = null;
  for (const b of backlogs) {
    if (b.remaining <= 0) continue;
    if (!b.can_send) return null;
    const finish = finishOfSends(b.policy, b.sent_today, b.remaining + Math.min(b.others_remaining, b.remaining), now);
    if (!finish) return null;
    if (!latest || finish > latest) latest = finish;
  }
  return latest;
}
