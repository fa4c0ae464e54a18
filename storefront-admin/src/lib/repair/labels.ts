import type { DeviceType, PartGrade, PhotoTag, Priority, RepairStatus, WarrantyVoidReason } from "@voltura/domain";
import { labelsByCode } from "$lib/i18n/labels-by-code";
import { m } from "$lib/paraglide/messages.js";

/**
 * Repair codes in the staff member's language, by code (the API's English labels are never shown).
 * Each record reads its message when used, so `REPAIR_STATUS_LABELS[status]` follows the locale.
 */
export const REPAIR_STATUS_LABELS = labelsByCode<RepairStatus>({
  pending: m.job_status_pending,
  awaiting_approval: m.job_status_awaiting_approval,
  awaiting_parts: m.job_status_awaiting_parts,
  in_progress: m.job_status_in_progress,
  completed: m.job_status_completed,
  delivered: m.job_status_delivered,
  cancelled: m.job_status_cancelled,
  returned_unrepaired: m.job_status_returned_unrepaired,
});

export const DEVICE_TYPE_LABELS = labelsByCode<DeviceType>({
  phone: m.job_device_phone,
  tablet: m.job_device_tablet,
  laptop: m.job_device_laptop,
  console: m.job_device_console,
  other: m.job_device_other,
});

export const PRIORITY_LABELS = labelsByCode<Priority>({
  low: m.job_priority_low,
  normal: m.job_priority_normal,
  high: m.job_priority_high,
  urgent: m.job_priority_urgent,
});

export const PART_GRADE_LABELS = labelsByCode<PartGrade>({
  original: m.job_grade_original,
  oem: m.job_grade_oem,
  compatible: m.job_grade_compatible,
});

export const PHOTO_TAG_LABELS = labelsByCode<PhotoTag>({
  before: m.job_photo_tag_before,
  during: m.job_photo_tag_during,
  after: m.job_photo_tag_after,
});

/** Lower case: they complete a sentence ("Void: water damage"). */
export const WARRANTY_VOID_REASON_LABELS = labelsByCode<WarrantyVoidReason>({
  water_damage: m.job_void_water_damage,
  physical_damage: m.job_void_physical_damage,
  opened_by_third_party: m.job_void_opened_by_third_party,
});

/** A repair status's name; an unknown code is shown as it came. */
/** A device as staff and customers read it: brand and model ("Samsung Galaxy A54"). */
export const deviceName = (device: { brand: string; model: string }): string => `${device.brand} ${device.model}`.trim();
export const statusLabel = (status: string): string => (REPAIR_STATUS_LABELS as Record<string, string>)[status] ?? status;
export const priorityLabel = (priority: string): string => (PRIORITY_LABELS as Record<string, string>)[priority] ?? priority;

/** The grade a catalogue title names ("iPhone 13 Screen (OEM)" → oem); compatible when it names none. */
export function guessGrade(title: string): PartGrade {
  if (/\boem\b/i.test(title)) return "oem";
  if (/\b(original|genuine|ori)\b/i.test(title)) return "original";
  return "compatible";
}
