import type { UpdateCampaignSenderBody } from "@voltura/contracts";

/** The session monitor's pacing-policy form → PATCH body. Commerce checks the policy (pacingPolicySchema) and names a bad field. */

const NUMBER_FIELDS = [
  "gap_min_seconds",
  "gap_max_seconds",
  "extra_pause_every",
  "extra_pause_min_seconds",
  "extra_pause_max_seconds",
  "daily_cap",
  "warmup_days",
  "warmup_start_cap",
] as const;

export class PolicyFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function policyBodyFrom(form: FormData): UpdateCampaignSenderBody {
  const body: UpdateCampaignSenderBody = {};
  for (const name of NUMBER_FIELDS) {
    const raw = String(form.get(name) ?? "").trim();
    if (!raw) continue;
    if (!/^\d+$/.test(raw)) throw new PolicyFieldError(name, "Enter a whole number");
    body[name] = Number(raw);
  }
  if (body.daily_cap !== undefined && (body.daily_cap < 1 || body.daily_cap > 1000)) throw new PolicyFieldError("daily_cap", "The daily cap is 1–1000 (100–150 is safe)");
  for (const name of ["window_start", "window_end"] as const) {
    const raw = String(form.get(name) ?? "").trim();
    if (!raw) continue;
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(raw)) throw new PolicyFieldError(name, "Enter a time as HH:MM");
    body[name] = raw;
  }
  body.weekend_days = form
    .getAll("weekend_days")
    .map((v) => Number(v))
    .filter((d) => Number.isInteger(d) && d >= 0 && d <= 6);
  const holidays = String(form.get("holidays") ?? "")
    .split(/[\s,]+/)
    .map((d) => d.trim())
    .filter(Boolean);
  const bad = holidays.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d));
  if (bad) throw new PolicyFieldError("holidays", `“${bad}” is not a date (YYYY-MM-DD)`);
  body.holidays = [...new Set(holidays)].sort();
  return body;
}
