/**
 * The backup settings form ↔ `PUT /admin/operations/settings`. Pure: the form posts text, the route
 * wants numbers, booleans and nulls; the refusals here match the route's (its zod schema stays the
 * authority and its 400s are shown on the same fields).
 */
import { OPERATIONS_SETTINGS_FIELDS, OPERATIONS_SETTINGS_MINIMUMS } from "@voltura/contracts";

/** The same fields the route accepts (one list, in @voltura/contracts). */
export const SETTINGS_FIELDS = OPERATIONS_SETTINGS_FIELDS;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];
export type SettingsValues = Record<SettingsField, string>;

export interface SettingsPatch {
  backup_hour: number;
  restore_test_weekday: number;
  daily_retention_days: number;
  external_retention_weeks: number;
  external_endpoint: string | null;
  external_region: string | null;
  external_bucket: string | null;
  external_prefix: string | null;
  external_force_path_style: boolean;
}

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** "3:00 am", "12:00 pm" (the schedule runs at this hour, shop time). */
export function hourLabel(hour: number): string {
  const suffix = hour < 12 ? "am" : "pm";
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelve}:00 ${suffix}`;
}

/** The stored settings as the form shows them. */
export function settingsValues(s: Omit<SettingsPatch, never>): SettingsValues {
  return {
    backup_hour: String(s.backup_hour),
    restore_test_weekday: String(s.restore_test_weekday),
    daily_retention_days: String(s.daily_retention_days),
    external_retention_weeks: String(s.external_retention_weeks),
    external_endpoint: s.external_endpoint ?? "",
    external_region: s.external_region ?? "",
    external_bucket: s.external_bucket ?? "",
    external_prefix: s.external_prefix ?? "",
    external_force_path_style: s.external_force_path_style ? "on" : "",
  };
}

/** The posted form's fields as strings (an unchecked box sends nothing: ""). */
export function postedSettings(data: FormData): SettingsValues {
  const out = {} as SettingsValues;
  for (const name of SETTINGS_FIELDS) {
    const v = data.get(name);
    out[name] = typeof v === "string" ? v : "";
  }
  return out;
}

function wholeNumber(text: string, min: number, max: number, what: string): number | string {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return `Enter ${what} as a whole number`;
  const n = Number(t);
  if (n < min) return `At least ${min}`;
  if (n > max) return `At most ${max}`;
  return n;
}

const optional = (text: string): string | null => (text.trim() === "" ? null : text.trim());

export function parseSettings(values: SettingsValues): { ok: true; patch: SettingsPatch } | { ok: false; errors: Partial<Record<SettingsField, string>> } {
  const errors: Partial<Record<SettingsField, string>> = {};
  const num = (field: SettingsField, min: number, max: number, what: string): number => {
    const r = wholeNumber(values[field], min, max, what);
    if (typeof r === "string") errors[field] = r;
    return typeof r === "number" ? r : 0;
  };
  const backup_hour = num("backup_hour", 0, 23, "an hour");
  const restore_test_weekday = num("restore_test_weekday", 0, 6, "a weekday");
  const daily_retention_days = num("daily_retention_days", OPERATIONS_SETTINGS_MINIMUMS.daily_retention_days, 3650, "days");
  const external_retention_weeks = num("external_retention_weeks", OPERATIONS_SETTINGS_MINIMUMS.external_retention_weeks, 520, "weeks");

  const external_endpoint = optional(values.external_endpoint);
  if (external_endpoint !== null) {
    let url: URL | null = null;
    try {
      url = new URL(external_endpoint);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) errors.external_endpoint = "Enter the storage's address, e.g. https://s3.example.com";
  }
  const external_bucket = optional(values.external_bucket);
  const external_region = optional(values.external_region);
  if (external_endpoint !== null && external_bucket === null) errors.external_bucket = "Name the bucket the weekly copy goes to";

  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    patch: {
      backup_hour,
      restore_test_weekday,
      daily_retention_days,
      external_retention_weeks,
      external_endpoint,
      external_region,
      external_bucket,
      external_prefix: optional(values.external_prefix),
      external_force_path_style: values.external_force_path_style === "on",
    },
  };
}
