import { z } from "zod";
import { PRIORITIES, type Priority } from "./repair-status.js";
import {
  DEFAULT_PICKUP_REMINDERS,
  DEFAULT_QUOTE_FOLLOW_UP,
  pickupRemindersSettingsSchema,
  quoteFollowUpProblem,
  quoteFollowUpSchema,
} from "./repair-flows.js";

const hours = z.number().int().min(1).max(24 * 60);

const businessSchema = z.object({
  name: z.string().min(1).max(120),
  registration_no: z.string().max(40),
  sst_no: z.string().max(40).nullable(),
  address: z.string().max(400),
  phone: z.string().max(32),
  whatsapp: z.string().max(32),
  email: z.string().email().max(120),
  public_url: z.string().url(),
});
const taxSchema = z.object({
  /** SST in basis points (800 = 8%). */
  sst_rate_bp: z.number().int().min(0).max(2000),
  /** A shop below the SST threshold charges none. */
  exempt: z.boolean(),
  prices_include_tax: z.boolean(),
});
const slaSchema = z.object(Object.fromEntries(PRIORITIES.map((p) => [p, hours])) as Record<Priority, typeof hours>);
const repairSchema = z.object({
  diagnostic_fee_sen: z.number().int().min(0),
  waive_diagnostic_fee_on_approval: z.boolean(),
  default_warranty_days: z.number().int().min(0).max(3650),
  terms: z.string().max(4000),
});

/** Everything a shop owner configures, one document. Money in sen, durations in hours/days. */
export const shopSettingsSchema = z.object({
  business: businessSchema,
  tax: taxSchema,
  sla_hours: slaSchema,
  repair: repairSchema,
  /** WhatsApp quote follow-up; Temporal flows copy it when they start (changes apply to new quotes). */
  quoteFollowUp: quoteFollowUpSchema,
  /** Pickup reminders after completion; copied when a job completes (changes apply to new ones). */
  pickupReminders: pickupRemindersSettingsSchema,
});
export type ShopSettings = z.infer<typeof shopSettingsSchema>;

/** A partial update: any section, any fields within it; unsent fields keep their value. */
export const shopSettingsPatchSchema = z.object({
  business: businessSchema.partial().optional(),
  tax: taxSchema.partial().optional(),
  sla_hours: slaSchema.partial().optional(),
  repair: repairSchema.partial().optional(),
  quoteFollowUp: quoteFollowUpSchema.partial().optional(),
  pickupReminders: pickupRemindersSettingsSchema.partial().optional(),
});
export type ShopSettingsPatch = z.infer<typeof shopSettingsPatchSchema>;

export const DEFAULT_SHOP_SETTINGS: ShopSettings = {
  business: {
    name: "Voltura Demo Repair",
    registration_no: "202601012345 (1234567-X)",
    sst_no: "W10-2601-32000123",
    address: "12 Jalan Tun Razak, 50400 Kuala Lumpur",
    phone: "+60321411234",
    whatsapp: "+60123450000",
    email: "hello@voltura.demo",
    public_url: "http://localhost:5173",
  },
  tax: { sst_rate_bp: 800, exempt: false, prices_include_tax: false },
  sla_hours: { low: 120, normal: 72, high: 24, urgent: 4 },
  repair: {
    diagnostic_fee_sen: 3000,
    waive_diagnostic_fee_on_approval: true,
    default_warranty_days: 30,
    terms:
      "Devices not collected within 60 days of completion may be disposed of. The shop is not responsible for data loss; please back up your device. Warranty covers the replaced part and workmanship only and is void on water damage, physical damage or repair by a third party.",
  },
  quoteFollowUp: DEFAULT_QUOTE_FOLLOW_UP,
  pickupReminders: DEFAULT_PICKUP_REMINDERS,
};

/** Applies a patch section by section; the result is validated in full. */
export function mergeShopSettings(current: ShopSettings, patch: ShopSettingsPatch): ShopSettings {
  const next = shopSettingsSchema.parse({
    business: { ...current.business, ...patch.business },
    tax: { ...current.tax, ...patch.tax },
    sla_hours: { ...current.sla_hours, ...patch.sla_hours },
    repair: { ...current.repair, ...patch.repair },
    quoteFollowUp: { ...current.quoteFollowUp, ...patch.quoteFollowUp },
    pickupReminders: { ...current.pickupReminders, ...patch.pickupReminders },
  });
  const followUpProblem = quoteFollowUpProblem(next.quoteFollowUp);
  if (followUpProblem) throw new Error(followUpProblem);
  return next;
}

/** Reads stored settings, filling fields added since they were saved from the defaults. */
export function readStoredShopSettings(stored: unknown): ShopSettings {
  const patch = shopSettingsPatchSchema.safeParse(stored ?? {});
  return mergeShopSettings(DEFAULT_SHOP_SETTINGS, patch.success ? patch.data : {});
}

/** SLA due time for a job taken in at `receivedAt` with `priority`. */
export function slaDueAt(receivedAt: Date, priority: Priority, settings: Pick<ShopSettings, "sla_hours">): Date {
  return new Date(receivedAt.getTime() + settings.sla_hours[priority] * 3_600_000);
}
