import { addShopDays, shopClock, shopInstant, weekdayOfShopDate } from "@voltura/domain";
import type { CampaignSchedule } from "@voltura/contracts";

/**
 * When a schedule fires next, strictly after `after` (shop time, Asia/Kuala_Lumpur): the instant of an
 * "at" schedule (null once it has passed), the next day / weekday / day of month at HH:MM for a recurring
 * one, null for "now".
 */
export function nextRunAt(schedule: CampaignSchedule, after: Date): Date | null {
  if (schedule.kind === "now") return null;
  if (schedule.kind === "at") {
    const at = new Date(schedule.at);
    return at.getTime() > after.getTime() ? at : null;
  }
  const today = shopClock(after).date;
  // 31 days always hold the next day, weekday and day-of-month 1..28.
  for (let offset = 0; offset <= 31; offset += 1) {
    const date = addShopDays(today, offset);
    const candidate = shopInstant(date, schedule.at);
    if (candidate.getTime() <= after.getTime()) continue;
    if (schedule.every === "week" && weekdayOfShopDate(date) !== (schedule.weekday ?? 1)) continue;
    if (schedule.every === "month" && Number(date.slice(8, 10)) !== (schedule.day ?? 1)) continue;
    return candidate;
  }
  return null;
}

/** The first firing for a campaign being scheduled: the "at" time itself (even if past), else the next occurrence. */
export function firstRunAt(schedule: CampaignSchedule, now: Date): Date | null {
  if (schedule.kind === "at") return new Date(schedule.at);
  return nextRunAt(schedule, now);
}
