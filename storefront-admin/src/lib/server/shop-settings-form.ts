import { z } from "zod";
import { formatPhoneForDisplay, PRIORITIES, shopSettingsPatchSchema, tryNormalisePhone, type ShopSettings, type ShopSettingsPatch } from "@voltura/domain";
import { basisPointsToPercent, percentToBasisPoints, ringgitTextToSen, senToRinggitText } from "$lib/settings-units";
import { commerceFieldErrors } from "./commerce-errors";
import { fieldErrorsFrom, type FieldErrors } from "./forms";

/**
 * The shop settings page has one form per section; each posts flat strings (it works without
 * JavaScript) and saves only its own section. Percentages and ringgit are converted here to the
 * basis points and sen the settings document stores.
 */
export const SETTINGS_SECTIONS = ["business", "tax", "sla_hours", "repair", "quoteFollowUp", "pickupReminders"] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export const SECTION_FIELDS = {
  business: ["name", "registration_no", "sst_no", "address", "phone", "whatsapp", "email", "public_url"],
  tax: ["sst_rate", "exempt", "prices_include_tax"],
  sla_hours: [...PRIORITIES],
  repair: ["diagnostic_fee", "waive_diagnostic_fee_on_approval", "default_warranty_days", "terms"],
  quoteFollowUp: ["reminderAfterHours", "escalateAfterHours"],
  pickupReminders: ["days", "text_bm", "text_en"],
} as const satisfies Record<SettingsSection, readonly string[]>;

export type SectionValues = Record<string, string>;

/** The form field that shows an error about a stored field (sst_rate_bp is typed as a percentage). */
const FORM_FIELD_OF: Record<string, string> = { sst_rate_bp: "sst_rate", diagnostic_fee_sen: "diagnostic_fee" };

const PHONE_HINT = "Enter a valid phone number, e.g. 03-2141 1234 or +60 12-345 6789";
const checkbox = z.string().transform((v) => v === "on" || v === "true");
const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `Enter ${label} as a whole number`)
    .transform(Number)
    .pipe(z.number().min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min}`).max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max}`));
const phone = (optional: boolean) =>
  z
    .string()
    .trim()
    .refine((v) => (optional && !v) || tryNormalisePhone(v) !== null, PHONE_HINT)
    .transform((v) => (v ? (tryNormalisePhone(v) ?? v) : ""));

const FORM_SCHEMAS = {
  business: z.object({
    name: z.string().trim().min(1, "Enter the shop's name").max(120),
    registration_no: z.string().trim().max(40, "Keep the registration number under 40 characters"),
    sst_no: z.string().trim().max(40, "Keep the SST number under 40 characters").transform((v) => v || null),
    address: z.string().trim().max(400, "Keep the address under 400 characters"),
    phone: phone(false),
    whatsapp: phone(true),
    email: z.string().trim().pipe(z.email("Enter a valid email, e.g. hello@shop.my")),
    public_url: z.string().trim().pipe(z.url({ protocol: /^https?$/, error: "Enter the full address, e.g. https://shop.example.my" })),
  }),
  tax: z.object({
    sst_rate: z
      .string()
      .transform((v, ctx) => {
        const bp = percentToBasisPoints(v);
        if (bp === null) ctx.addIssue({ code: "custom", message: "Enter the rate as a percentage, e.g. 6 or 8 (up to 2 decimals)" });
        return bp ?? 0;
      })
      .pipe(z.number().max(2000, "SST cannot be more than 20%")),
    exempt: checkbox,
    prices_include_tax: checkbox,
  }),
  sla_hours: z.object(Object.fromEntries(PRIORITIES.map((p) => [p, wholeNumber("hours", 1, 24 * 60)]))),
  repair: z.object({
    diagnostic_fee: z.string().transform((v, ctx) => {
      const sen = ringgitTextToSen(v);
      if (sen === null) ctx.addIssue({ code: "custom", message: "Enter the fee in ringgit, e.g. 30 or 30.50" });
      return sen ?? 0;
    }),
    waive_diagnostic_fee_on_approval: checkbox,
    default_warranty_days: wholeNumber("days", 0, 3650),
    terms: z.string().trim().max(4000, "Keep the terms under 4000 characters"),
  }),
  quoteFollowUp: z
    .object({ reminderAfterHours: wholeNumber("hours", 1, 24 * 14), escalateAfterHours: wholeNumber("hours", 1, 24 * 30) })
    .refine((f) => f.escalateAfterHours > f.reminderAfterHours, {
      message: "Escalate after more hours than the reminder",
      path: ["escalateAfterHours"],
    }),
  pickupReminders: z.object({
    days: z.string().transform((v, ctx) => {
      const parts = v.split(",").map((d) => d.trim()).filter(Boolean);
      if (parts.some((d) => !/^\d{1,3}$/.test(d) || Number(d) < 1)) {
        ctx.addIssue({ code: "custom", message: "Enter days after completion as whole numbers separated by commas, e.g. 1, 20, 30" });
      }
      return [...new Set(parts.map(Number))].sort((x, y) => x - y);
    }),
    text_bm: z.string().trim().min(10, "Enter the Malay text (at least 10 characters)").max(1000, "Keep the text under 1000 characters"),
    text_en: z.string().trim().min(10, "Enter the English text (at least 10 characters)").max(1000, "Keep the text under 1000 characters"),
  }),
} satisfies Record<SettingsSection, z.ZodType>;

function toPatch(section: SettingsSection, parsed: Record<string, unknown>): ShopSettingsPatch {
  switch (section) {
    case "tax":
      return { tax: { sst_rate_bp: parsed.sst_rate as number, exempt: parsed.exempt as boolean, prices_include_tax: parsed.prices_include_tax as boolean } };
    case "repair":
      return {
        repair: {
          diagnostic_fee_sen: parsed.diagnostic_fee as number,
          waive_diagnostic_fee_on_approval: parsed.waive_diagnostic_fee_on_approval as boolean,
          default_warranty_days: parsed.default_warranty_days as number,
          terms: parsed.terms as string,
        },
      };
    default:
      return { [section]: parsed } as ShopSettingsPatch;
  }
}

export type SectionResult = { ok: true; patch: ShopSettingsPatch } | { ok: false; errors: FieldErrors };

/** Validates one section's posted values and builds the patch for it. */
export function parseSettingsSection(section: SettingsSection, values: SectionValues): SectionResult {
  const form = FORM_SCHEMAS[section].safeParse(values);
  if (!form.success) return { ok: false, errors: fieldErrorsFrom(form.error) };
  const patch = shopSettingsPatchSchema.safeParse(toPatch(section, form.data as Record<string, unknown>));
  if (!patch.success) {
    const errors: FieldErrors = {};
    for (const issue of patch.error.issues) {
      const key = String(issue.path[1] ?? "form");
      errors[FORM_FIELD_OF[key] ?? key] ??= issue.message;
    }
    return { ok: false, errors };
  }
  return { ok: true, patch: patch.data };
}

/** One section's posted values as strings (unchecked boxes are absent from a form post: ""). */
export function sectionValues(section: SettingsSection, data: FormData): SectionValues {
  return Object.fromEntries(SECTION_FIELDS[section].map((f) => [f, typeof data.get(f) === "string" ? String(data.get(f)) : ""]));
}

/** A commerce 400 about this section ("tax.sst_rate_bp: Too big") placed on the section's fields. */
export function sectionCommerceErrors(section: SettingsSection, message: string): { errors: FieldErrors; rest: string | null } {
  const fields: readonly string[] = SECTION_FIELDS[section];
  return commerceFieldErrors(message, (path) => {
    const [head, key] = path.split(".");
    if (head !== section || !key) return null;
    const field = FORM_FIELD_OF[key] ?? key;
    return fields.includes(field) ? field : null;
  });
}

/** The settings as the forms show them: phones in Malaysian format, SST as a percentage, fees in ringgit. */
export function settingsFormValues(s: ShopSettings): Record<SettingsSection, SectionValues> {
  const on = (b: boolean) => (b ? "on" : "");
  return {
    business: {
      ...s.business,
      sst_no: s.business.sst_no ?? "",
      phone: s.business.phone ? formatPhoneForDisplay(s.business.phone) : "",
      whatsapp: s.business.whatsapp ? formatPhoneForDisplay(s.business.whatsapp) : "",
    },
    tax: { sst_rate: basisPointsToPercent(s.tax.sst_rate_bp), exempt: on(s.tax.exempt), prices_include_tax: on(s.tax.prices_include_tax) },
    sla_hours: Object.fromEntries(PRIORITIES.map((p) => [p, String(s.sla_hours[p])])),
    repair: {
      diagnostic_fee: senToRinggitText(s.repair.diagnostic_fee_sen),
      waive_diagnostic_fee_on_approval: on(s.repair.waive_diagnostic_fee_on_approval),
      default_warranty_days: String(s.repair.default_warranty_days),
      terms: s.repair.terms,
    },
    quoteFollowUp: {
      reminderAfterHours: String(s.quoteFollowUp.reminderAfterHours),
      escalateAfterHours: String(s.quoteFollowUp.escalateAfterHours),
    },
    pickupReminders: { days: s.pickupReminders.days.join(", "), text_bm: s.pickupReminders.text_bm, text_en: s.pickupReminders.text_en },
  };
}
