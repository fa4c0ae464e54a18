import type { PickupRemindersSettings } from "@voltura/domain";
import type { PickupReminderTarget } from "./activities/repair-flows.js";

const DAY_MS = 24 * 3_600_000;

export interface ScheduledReminder {
  day: number;
  /** Epoch ms: `day` × 24 h after completion. */
  atMs: number;
}

/** The reminders to send, in order: each day once, counted from the completion time. */
export function pickupSchedule(completedAt: string, days: readonly number[]): ScheduledReminder[] {
  const completedMs = Date.parse(completedAt);
  return [...new Set(days)]
    .filter((day) => Number.isInteger(day) && day > 0)
    .sort((a, b) => a - b)
    .map((day) => ({ day, atMs: completedMs + day * DAY_MS }));
}

export type PickupTemplateValues = Record<"nama" | "model" | "job_number" | "shop_name", string>;

/** Fills {nama} {model} {job_number} {shop_name}; any other {word} is left as typed. */
export function renderPickupTemplate(template: string, values: PickupTemplateValues): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as keyof PickupTemplateValues] : whole,
  );
}

/** One WhatsApp message with both languages, BM first. */
export function pickupReminderMessage(
  texts: Pick<PickupRemindersSettings, "text_bm" | "text_en">,
  target: PickupReminderTarget,
): string {
  const values: PickupTemplateValues = {
    nama: target.customerName.trim().split(/\s+/)[0] || target.customerName,
    model: target.device,
    job_number: target.jobNumber,
    shop_name: target.shopName,
  };
  return `${renderPickupTemplate(texts.text_bm, values)}\n\n${renderPickupTemplate(texts.text_en, values)}`;
}

/** Idempotency key of the day-N reminder: a retried activity or a replayed workflow never sends twice. */
export function pickupReminderKey(jobId: string, day: number): string {
  return `pickup:${jobId}:day${day}`;
}
