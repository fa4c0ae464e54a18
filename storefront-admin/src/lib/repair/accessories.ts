import { labelsByCode } from "$lib/i18n/labels-by-code";
import { m } from "$lib/paraglide/messages.js";

/** What customers usually leave with a device; checkboxes on the intake form. */
export const ACCESSORY_OPTIONS = [
  { value: "charger", label: "Charger" },
  { value: "cable", label: "Cable" },
  { value: "case", label: "Case" },
  { value: "sim_tray", label: "SIM tray" },
  { value: "memory_card", label: "Memory card" },
  { value: "box", label: "Box" },
] as const;
export type AccessoryValue = (typeof ACCESSORY_OPTIONS)[number]["value"];

/**
 * What the checkboxes say, in the staff member's language. The job keeps the English labels above
 * (they are printed on the slip and read back into the form), so only the display is translated.
 */
export const ACCESSORY_LABELS: Readonly<Record<string, string>> = labelsByCode<AccessoryValue>({
  charger: m.intake_accessory_charger,
  cable: m.intake_accessory_cable,
  case: m.intake_accessory_case,
  sim_tray: m.intake_accessory_sim_tray,
  memory_card: m.intake_accessory_memory_card,
  box: m.intake_accessory_box,
});

export const MAX_ACCESSORIES = 20;
export const MAX_ACCESSORY_LENGTH = 60;

const LABELS = new Map<string, string>(ACCESSORY_OPTIONS.map((o) => [o.value, o.label]));

/**
 * The accessories list stored on the job: the ticked boxes (as their labels, in form order) then
 * the free text split on commas, semicolons or new lines. Blank items are dropped, spaces
 * collapsed, duplicates (case-insensitive) removed, each item cut to 60 characters, at most 20 (the commerce limits).
 */
export function buildAccessoryList(checked: readonly string[], other: string | null | undefined): string[] {
  const fromBoxes = ACCESSORY_OPTIONS.filter((o) => checked.includes(o.value)).map((o) => o.label);
  const fromText = (other ?? "").split(/[,;\n]+/);
  const seen = new Set<string>();
  const list: string[] = [];
  for (const raw of [...fromBoxes, ...fromText]) {
    const item = raw.replace(/\s+/g, " ").trim().slice(0, MAX_ACCESSORY_LENGTH).trim();
    const key = item.toLowerCase();
    if (!item || seen.has(key)) continue;
    seen.add(key);
    list.push(item);
    if (list.length === MAX_ACCESSORIES) break;
  }
  return list;
}

/** Splits a stored list back into ticked boxes and the free text (to refill the form). */
export function splitAccessoryList(list: readonly string[]): { checked: AccessoryValue[]; other: string } {
  const byLabel = new Map(ACCESSORY_OPTIONS.map((o) => [o.label.toLowerCase(), o.value]));
  const checked: AccessoryValue[] = [];
  const rest: string[] = [];
  for (const item of list) {
    const value = byLabel.get(item.trim().toLowerCase());
    if (value) checked.push(value);
    else rest.push(item);
  }
  return { checked, other: rest.join(", ") };
}

export function accessoryLabel(value: string): string {
  return LABELS.get(value) ?? value;
}
