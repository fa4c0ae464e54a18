import { z } from "zod";
import { DEVICE_TYPES, PRIORITIES, tryNormalisePhone } from "@voltura/domain";
import { createRepairJobBodySchema, type CreateRepairJobBody } from "@voltura/medusa-client";
import { fieldErrorsFrom, type FieldErrors } from "./forms";

/** The new-job form is flat (it must post without JS); the commerce body nests the customer. */
export const JOB_FORM_FIELDS = ["customer_name", "customer_phone", "device_type", "brand", "model", "issue", "priority"] as const;
export type JobFormField = (typeof JOB_FORM_FIELDS)[number];

const newJobFormSchema = z.object({
  customer_name: z.string().trim().min(1, "Enter the customer's name").max(120, "Keep the name under 120 characters"),
  customer_phone: z
    .string()
    .trim()
    .min(1, "Enter the customer's phone number")
    .refine((v) => tryNormalisePhone(v) !== null, "Enter a valid phone number, e.g. 012-345 6789 or +60 12-345 6789"),
  device_type: z.enum(DEVICE_TYPES, { error: "Choose the type of device" }),
  brand: z.string().trim().min(1, "Enter the brand, e.g. Apple or Samsung").max(60),
  model: z.string().trim().min(1, "Enter the model, e.g. iPhone 13").max(80),
  issue: z.string().trim().min(3, "Describe the issue (at least 3 characters)").max(2000),
  priority: z.enum(PRIORITIES, { error: "Choose a priority" }),
});

const BODY_PATHS: Record<string, JobFormField> = { "customer.name": "customer_name", "customer.phone": "customer_phone" };

export type JobFormResult = { ok: true; body: CreateRepairJobBody } | { ok: false; errors: FieldErrors };

/** Validates the posted form and builds the commerce body (phone normalised to E.164). */
export function parseJobForm(values: Record<string, string>): JobFormResult {
  const parsed = newJobFormSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrorsFrom(parsed.error) };
  const v = parsed.data;
  const body = createRepairJobBodySchema.safeParse({
    customer: { name: v.customer_name, phone: tryNormalisePhone(v.customer_phone) ?? v.customer_phone },
    device_type: v.device_type,
    brand: v.brand,
    model: v.model,
    issue: v.issue,
    priority: v.priority,
  });
  if (!body.success) return { ok: false, errors: fieldErrorsFrom(body.error, BODY_PATHS) };
  return { ok: true, body: body.data };
}

const MESSAGE_FIELDS: [RegExp, JobFormField][] = [
  [/phone/i, "customer_phone"],
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
