import { CUSTOMER_TYPES, DEVICE_TYPES, isoToShopLocal, isShopDay, REPAIR_STATUSES, shopDayOf, shopLocalToIso, startOfShopDay } from "@voltura/domain";
import type { AudienceFilter, Campaign, CampaignMedia, CampaignSchedule, CreateCampaignBody } from "@voltura/contracts";
import { EMPTY_ROUTING, routingBodyFrom, routingValuesFrom, routingValuesOf, type RoutingValues } from "./routing-form";

/**
 * The campaign builder's form ⇄ the planner's body. The form is plain HTML fields (it works without
 * JavaScript); times are typed in shop time and sent as UTC instants; money is typed in RM and sent in sen.
 * Commerce validates the body again (zod) and answers 400 naming the field.
 */

/** Text fields of the builder, as the form keeps them between submits. */
export interface BuilderValues {
  name: string;
  description: string;
  session_ids: string[];
  schedule_kind: "now" | "at" | "recurring";
  schedule_date: string;
  schedule_time: string;
  recurring_every: "day" | "week" | "month";
  recurring_weekday: string;
  recurring_day: string;
  stale_after_minutes: string;
  template_ms: string;
  template_en: string;
  fallbacks: Record<string, string>;
  media: CampaignMedia | null;
  audience_mode: "filter" | "list";
  freeze_at_launch: boolean;
  customer_types: string[];
  tags: string;
  device_types: string[];
  brands: string;
  last_visit_before: string;
  last_visit_after: string;
  bought_product_ids: string;
  bought_category_ids: string;
  spent_above_rm: string;
  warranty_within_days: string;
  job_statuses: string[];
  reply_window_days: string;
  conversion_window_days: string;
  /** fixed or auto routing and the Cloud API template (routing-form.ts). */
  routing: RoutingValues;
}

export const EMPTY_BUILDER: BuilderValues = {
  name: "",
  description: "",
  session_ids: [],
  schedule_kind: "now",
  schedule_date: "",
  schedule_time: "10:00",
  recurring_every: "week",
  recurring_weekday: "1",
  recurring_day: "1",
  stale_after_minutes: "60",
  template_ms: "",
  template_en: "",
  fallbacks: {},
  media: null,
  audience_mode: "filter",
  freeze_at_launch: true,
  customer_types: [],
  tags: "",
  device_types: [],
  brands: "",
  last_visit_before: "",
  last_visit_after: "",
  bought_product_ids: "",
  bought_category_ids: "",
  spent_above_rm: "",
  warranty_within_days: "",
  job_statuses: [],
  reply_window_days: "3",
  conversion_window_days: "14",
  routing: EMPTY_ROUTING,
};

const list = (text: string) => [...new Set(text.split(/[,\n]/).map((s) => s.trim()).filter(Boolean))];
const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
const all = (form: FormData, name: string, allowed?: readonly string[]) =>
  form.getAll(name).filter((v): v is string => typeof v === "string" && (!allowed || allowed.includes(v)));

function oneOf<T extends string>(value: string, options: readonly T[], fallback: T): T {
  return (options as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Reads the builder's fields (fallbacks come as `fallback.<variable>`; media as the JSON of an earlier upload). */
export function builderValuesFrom(form: FormData): BuilderValues {
  const fallbacks: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("fallback.") && typeof value === "string" && value.trim()) fallbacks[key.slice(9)] = value.trim();
  }
  let media: CampaignMedia | null = null;
  const mediaJson = str(form, "media_json");
  if (mediaJson && form.get("media_remove") !== "on") {
    try {
      media = JSON.parse(mediaJson) as CampaignMedia;
    } catch {
      media = null;
    }
  }
  return {
    name: str(form, "name"),
    description: str(form, "description"),
    session_ids: all(form, "session_ids"),
    schedule_kind: oneOf(str(form, "schedule_kind"), ["now", "at", "recurring"], "now"),
    schedule_date: str(form, "schedule_date"),
    schedule_time: str(form, "schedule_time"),
    recurring_every: oneOf(str(form, "recurring_every"), ["day", "week", "month"], "week"),
    recurring_weekday: str(form, "recurring_weekday"),
    recurring_day: str(form, "recurring_day"),
    stale_after_minutes: str(form, "stale_after_minutes"),
    template_ms: str(form, "template_ms"),
    template_en: str(form, "template_en"),
    fallbacks,
    media,
    audience_mode: oneOf(str(form, "audience_mode"), ["filter", "list"], "filter"),
    freeze_at_launch: form.get("freeze_at_launch") === "on",
    customer_types: all(form, "customer_types", CUSTOMER_TYPES),
    tags: str(form, "tags"),
    device_types: all(form, "device_types", DEVICE_TYPES),
    brands: str(form, "brands"),
    last_visit_before: str(form, "last_visit_before"),
    last_visit_after: str(form, "last_visit_after"),
    bought_product_ids: str(form, "bought_product_ids"),
    bought_category_ids: str(form, "bought_category_ids"),
    spent_above_rm: str(form, "spent_above_rm"),
    warranty_within_days: str(form, "warranty_within_days"),
    job_statuses: all(form, "job_statuses", REPAIR_STATUSES),
    reply_window_days: str(form, "reply_window_days"),
    conversion_window_days: str(form, "conversion_window_days"),
    routing: routingValuesFrom(form),
  };
}

/** A field the console itself refuses before asking commerce (the rest is commerce's 400). */
export class BuilderFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function wholeNumber(value: string, field: string): number | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (!/^\d+$/.test(v)) throw new BuilderFieldError(field, "Enter a whole number");
  return Number(v);
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "12.50" RM → 1250 sen; empty → undefined. */
export function ringgitTextToSen(value: string, field = "spent_above_rm"): number | undefined {
  const v = value.trim().replace(/^RM\s*/i, "").replace(/,/g, "");
  if (!v) return undefined;
  if (!/^\d+(\.\d{1,2})?$/.test(v)) throw new BuilderFieldError(field, "Enter an amount in RM, e.g. 150 or 150.50");
  const [whole, cents = ""] = v.split(".");
  return Number(whole) * 100 + Number(cents.padEnd(2, "0"));
}

/** The audience filter from the builder's fields: only the criteria that were given. */
export function audienceFilterFrom(v: BuilderValues): AudienceFilter {
  const filter: AudienceFilter = {};
  if (v.customer_types.length) filter.customer_types = v.customer_types as AudienceFilter["customer_types"];
  const tags = list(v.tags.toLowerCase());
  if (tags.length) filter.tags = tags;
  if (v.device_types.length) filter.device_types = v.device_types as AudienceFilter["device_types"];
  if (list(v.brands).length) filter.brands = list(v.brands);
  for (const key of ["last_visit_before", "last_visit_after"] as const) {
    const date = v[key].trim();
    if (!date) continue;
    if (!isShopDay(date)) throw new BuilderFieldError(key, "Choose a date");
    filter[key] = startOfShopDay(date).toISOString();
  }
  if (list(v.bought_product_ids).length) filter.bought_product_ids = list(v.bought_product_ids);
  if (list(v.bought_category_ids).length) filter.bought_category_ids = list(v.bought_category_ids);
  const spent = ringgitTextToSen(v.spent_above_rm);
  if (spent !== undefined) filter.spent_above_sen = spent;
  const within = wholeNumber(v.warranty_within_days, "warranty_within_days");
  if (within !== undefined) filter.warranty_expiring_within_days = within;
  if (v.job_statuses.length) filter.job_statuses = v.job_statuses as AudienceFilter["job_statuses"];
  return filter;
}

export function scheduleFrom(v: BuilderValues): CampaignSchedule {
  if (v.schedule_kind === "now") return { kind: "now" };
  if (!TIME.test(v.schedule_time)) throw new BuilderFieldError("schedule_time", "Enter a time as HH:MM");
  if (v.schedule_kind === "at") {
    const at = isShopDay(v.schedule_date) ? shopLocalToIso(`${v.schedule_date}T${v.schedule_time}`) : null;
    if (!at) throw new BuilderFieldError("schedule_date", "Choose the day to send");
    return { kind: "at", at: new Date(at).toISOString() };
  }
  const schedule: CampaignSchedule = { kind: "recurring", every: v.recurring_every, at: v.schedule_time };
  if (v.recurring_every === "week") schedule.weekday = wholeNumber(v.recurring_weekday, "recurring_weekday") ?? 1;
  if (v.recurring_every === "month") schedule.day = wholeNumber(v.recurring_day, "recurring_day") ?? 1;
  return schedule;
}

/** The create/update body; throws BuilderFieldError for a field the console can name itself. */
export function campaignBodyFrom(v: BuilderValues): Required<Omit<CreateCampaignBody, "description">> & { description: string | null } {
  return {
    name: v.name.trim(),
    description: v.description.trim() || null,
    session_ids: v.session_ids,
    schedule: scheduleFrom(v),
    stale_after_minutes: wholeNumber(v.stale_after_minutes, "stale_after_minutes") ?? 60,
    template_ms: v.template_ms,
    template_en: v.template_en,
    fallbacks: v.fallbacks,
    media: v.media,
    audience: v.audience_mode === "list" ? { mode: "list" } : { mode: "filter", filter: audienceFilterFrom(v), freeze_at_launch: v.freeze_at_launch },
    reply_window_days: wholeNumber(v.reply_window_days, "reply_window_days") ?? 3,
    conversion_window_days: wholeNumber(v.conversion_window_days, "conversion_window_days") ?? 14,
    ...routingBodyFrom(v.routing),
  };
}

const senToRmText = (sen: number) => (sen % 100 === 0 ? String(sen / 100) : (sen / 100).toFixed(2));
const shopDay = (iso: string) => shopDayOf(new Date(iso));
const shopHhmm = (iso: string) => isoToShopLocal(iso).slice(11, 16);

/** The parts of a saved campaign the builder edits. */
export type BuilderSource = Pick<
  Campaign,
  | "name" | "description" | "session_ids" | "schedule" | "stale_after_minutes" | "template_ms" | "template_en" | "fallbacks" | "media"
  | "audience" | "reply_window_days" | "conversion_window_days" | "routing" | "cloud_template" | "recent_chat_days"
>;

/** A saved campaign back into the builder's fields (edit page). */
export function builderValuesOf(c: BuilderSource): BuilderValues {
  const filter = c.audience.mode === "filter" ? c.audience.filter : {};
  const s = c.schedule;
  return {
    ...EMPTY_BUILDER,
    name: c.name,
    description: c.description ?? "",
    session_ids: c.session_ids,
    schedule_kind: s.kind,
    schedule_date: s.kind === "at" ? shopDay(s.at) : "",
    schedule_time: s.kind === "at" ? shopHhmm(s.at) : s.kind === "recurring" ? s.at : EMPTY_BUILDER.schedule_time,
    recurring_every: s.kind === "recurring" ? s.every : "week",
    recurring_weekday: s.kind === "recurring" && s.weekday !== undefined ? String(s.weekday) : "1",
    recurring_day: s.kind === "recurring" && s.day !== undefined ? String(s.day) : "1",
    stale_after_minutes: String(c.stale_after_minutes),
    template_ms: c.template_ms,
    template_en: c.template_en,
    fallbacks: c.fallbacks,
    media: c.media,
    audience_mode: c.audience.mode,
    freeze_at_launch: c.audience.mode === "filter" ? c.audience.freeze_at_launch : true,
    customer_types: filter.customer_types ?? [],
    tags: (filter.tags ?? []).join(", "),
    device_types: filter.device_types ?? [],
    brands: (filter.brands ?? []).join(", "),
    last_visit_before: filter.last_visit_before ? shopDay(filter.last_visit_before) : "",
    last_visit_after: filter.last_visit_after ? shopDay(filter.last_visit_after) : "",
    bought_product_ids: (filter.bought_product_ids ?? []).join(", "),
    bought_category_ids: (filter.bought_category_ids ?? []).join(", "),
    spent_above_rm: filter.spent_above_sen !== undefined ? senToRmText(filter.spent_above_sen) : "",
    warranty_within_days: filter.warranty_expiring_within_days !== undefined ? String(filter.warranty_expiring_within_days) : "",
    job_statuses: filter.job_statuses ?? [],
    reply_window_days: String(c.reply_window_days),
    conversion_window_days: String(c.conversion_window_days),
    routing: routingValuesOf(c),
  };
}
