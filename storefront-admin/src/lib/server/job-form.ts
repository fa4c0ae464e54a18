import { z } from "zod";
import { DEVICE_TYPES, PRIORITIES, tryNormalisePhone } from "@voltura/domain";
import { createRepairJobBodySchema, type CreateRepairJobBody } from "@voltura/contracts";
import { buildAccessoryList } from "$lib/repair/accessories";
import { parseMoneyInput } from "$lib/repair/money";
import { shopLocalToIso } from "$lib/repair/shop-time";
import { fieldErrorsFrom, type FieldErrors } from "./forms";
import { m } from "$lib/paraglide/messages.js";

/** The intake form is flat (it must post without JS); the commerce body nests the customer. */
export const JOB_FORM_FIELDS = [
  "customer_name",
  "customer_phone",
  "device_type",
  "brand",
  "model",
  "imei_serial",
  "colour",
  "accessories_other",
  "condition_notes",
  "issue",
  "priority",
  "deposit",
  "eta",
  "technician_id",
  /** Made once per rendered form (hidden): a resent post opens no second job. */
  "idempotency_key",
] as const;
export type JobFormField = (typeof JOB_FORM_FIELDS)[number];
/** The text fields plus the ticked accessory boxes (a repeated field). */
export type JobFormValues = Record<JobFormField, string> & { accessories: string[] };

/** Built per request: its messages are in the staff member's language. */
const newJobFormSchema = () =>
  z.object({
    customer_name: z.string().trim().min(1, m.intake_err_name()).max(120, m.intake_err_name_long()),
    customer_phone: z
      .string()
      .trim()
      .min(1, m.intake_err_phone())
      .refine((v) => tryNormalisePhone(v) !== null, m.intake_err_phone_invalid()),
    device_type: z.enum(DEVICE_TYPES, { error: m.intake_err_device_type() }),
    brand: z.string().trim().min(1, m.intake_err_brand()).max(60),
    model: z.string().trim().min(1, m.intake_err_model()).max(80),
    colour: z.string().trim().max(40, m.intake_err_colour()),
    condition_notes: z.string().trim().max(2000, m.intake_err_condition()),
    issue: z.string().trim().min(3, m.intake_err_issue()).max(2000),
    priority: z.enum(PRIORITIES, { error: m.intake_err_priority() }),
    deposit: z
      .string()
      .trim()
      .refine((v) => !v || parseMoneyInput(v) !== null, m.intake_err_deposit())
      .refine((v) => (parseMoneyInput(v) ?? 0) <= 10_000_000, m.intake_err_deposit_max()),
    eta: z
      .string()
      .trim()
      .refine((v) => !v || shopLocalToIso(v) !== null, m.intake_err_eta()),
  });

const BODY_PATHS: Record<string, JobFormField> = {
  "customer.name": "customer_name",
  "customer.phone": "customer_phone",
  deposit_sen: "deposit",
  accessories: "accessories_other",
};

export type JobFormResult = { ok: true; body: CreateRepairJobBody } | { ok: false; errors: FieldErrors };

/** Validates the posted form and builds the commerce body (phone in E.164, deposit in sen, ETA in shop time). */
export function parseJobForm(values: JobFormValues): JobFormResult {
  const parsed = newJobFormSchema().safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrorsFrom(parsed.error) };
  const v = parsed.data;
  const body = createRepairJobBodySchema.safeParse({
    customer: { name: v.customer_name, phone: tryNormalisePhone(v.customer_phone) ?? v.customer_phone },
    device_type: v.device_type,
    brand: v.brand,
    model: v.model,
    issue: v.issue,
    priority: v.priority,
    imei_serial: values.imei_serial.trim() || null,
    colour: v.colour || null,
    accessories: buildAccessoryList(values.accessories, values.accessories_other),
    condition_notes: v.condition_notes || null,
    deposit_sen: parseMoneyInput(v.deposit) ?? 0,
    eta: shopLocalToIso(v.eta),
    technician_id: values.technician_id.trim() || null,
    idempotency_key: values.idempotency_key.trim() || undefined,
  });
  if (!body.success) return { ok: false, errors: fieldErrorsFrom(body.error, BODY_PATHS) };
  return { ok: true, body: body.data };
}

const MESSAGE_FIELDS: [RegExp, JobFormField][] = [
  [/imei|serial/i, "imei_serial"],
  [/phone/i, "customer_phone"],
  [/technician/i, "technician_id"],
  [/deposit/i, "deposit"],
  [/\beta\b/i, "eta"],
  [/accessor/i, "accessories_other"],
  [/condition/i, "condition_notes"],
  [/colou?r/i, "colour"],
  [/customer|name/i, "customer_name"],
  [/device/i, "device_type"],
  [/brand/i, "brand"],
  [/model/i, "model"],
  [/issue|problem/i, "issue"],
  [/priority/i, "priority"],
];

/** Which field a commerce 400 message is about ("customer.phone is not a valid…"), if any. */
export function fieldForCommerceMessage(message: string): JobFormField | null {
  return MESSAGE_FIELDS.find(([pattern]) => pattern.test(message))?.[1] ?? null;
}

/** The posted intake form as values to validate and to refill the form with. */
export function jobFormValues(data: FormData): JobFormValues {
  const values = { accessories: data.getAll("accessories").filter((v): v is string => typeof v === "string") } as JobFormValues;
  for (const name of JOB_FORM_FIELDS) {
    const v = data.get(name);
    values[name] = typeof v === "string" ? v : "";
  }
  return values;
}
