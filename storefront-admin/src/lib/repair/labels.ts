import type { DeviceType, PartGrade, Priority } from "@voltura/domain";

export const DEVICE_TYPE_LABELS: Record<DeviceType, string> = {
  phone: "Phone",
  tablet: "Tablet",
  laptop: "Laptop",
  console: "Game console",
  other: "Other",
};

export const PRIORITY_LABELS: Record<Priority, string> = { low: "Low", normal: "Normal", high: "High", urgent: "Urgent" };

export const PART_GRADE_LABELS: Record<PartGrade, string> = { original: "Original", oem: "OEM", compatible: "Compatible" };

/** The grade a catalogue title names ("iPhone 13 Screen (OEM)" → oem); compatible when it names none. */
export function guessGrade(title: string): PartGrade {
  if (/\boem\b/i.test(title)) return "oem";
  if (/\b(original|genuine|ori)\b/i.test(title)) return "original";
  return "compatible";
}
