import { z } from "zod";
import { CUSTOMER_TYPES, DEVICE_TYPES, normaliseTag, tagsSchema, tryNormalisePhone } from "@voltura/domain";
import {
  addCustomerDeviceBodySchema,
  addCustomerNoteBodySchema,
  createCrmCustomerBodySchema,
  duplicateCustomerErrorSchema,
  duplicateDeviceErrorSchema,
  updateCrmCustomerBodySchema,
  type AddCustomerDeviceBody,
  type CreateCrmCustomerBody,
  type UpdateCrmCustomerBody,
} from "@voltura/contracts";
import { CommerceError } from "@voltura/medusa-client";
import { commerceFieldErrors } from "./commerce-errors";
import { fieldErrorsFrom, type FieldErrors } from "./forms";
import { m } from "$lib/paraglide/messages.js";

/**
 * The customer forms post flat, as plain HTML (they work without JavaScript); these turn the
 * posted strings into commerce bodies, or into one message per field.
 */
export type FormResult<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

const PHONE_HINT = () => m.customers_err_phone();

const name = z.string().trim().min(1, { error: () => m.customers_err_name() }).max(120, { error: () => m.customers_err_name_long() });
const email = z.string().trim().max(200).refine((v) => !v || z.email().safeParse(v).success, { error: () => m.customers_err_email() });
const phone = z
  .string()
  .trim()
  .min(1, { error: () => m.customers_err_phone_required() })
  .refine((v) => tryNormalisePhone(v) !== null, { error: PHONE_HINT });
const customerType = z.enum(CUSTOMER_TYPES, { error: () => m.customers_err_type() });

/** "vip, corporate account" → ["vip", "corporate account"] (tags cannot hold commas). */
export function splitTags(text: string): string[] {
  return text.split(",").map(normaliseTag).filter(Boolean);
}

export const NEW_CUSTOMER_FIELDS = ["name", "phone", "email", "customer_type", "tags"] as const;

const newCustomerSchema = z.object({ name, phone, email, customer_type: customerType, tags: z.string().max(1000) });

export function parseNewCustomerForm(values: Record<(typeof NEW_CUSTOMER_FIELDS)[number], string>): FormResult<CreateCrmCustomerBody> {
  const parsed = newCustomerSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrorsFrom(parsed.error) };
  const v = parsed.data;
  const body = createCrmCustomerBodySchema.safeParse({
    name: v.name,
    phone: tryNormalisePhone(v.phone) ?? v.phone,
    email: v.email || undefined,
    customer_type: v.customer_type,
    tags: splitTags(v.tags),
  });
  if (!body.success) return { ok: false, errors: fieldErrorsFrom(body.error, { tags: "tags" }) };
  return { ok: true, body: body.data };
}

export const PROFILE_FIELDS = ["name", "email", "customer_type"] as const;

const profileSchema = z.object({ name, email, customer_type: customerType });

/** Name, email and type; an emptied email clears it. */
export function parseProfileForm(values: Record<(typeof PROFILE_FIELDS)[number], string>): FormResult<UpdateCrmCustomerBody> {
  const parsed = profileSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrorsFrom(parsed.error) };
  const body = updateCrmCustomerBodySchema.safeParse({ ...parsed.data, email: parsed.data.email || null });
  if (!body.success) return { ok: false, errors: fieldErrorsFrom(body.error) };
  return { ok: true, body: body.data };
}

/** The customer's tags plus what was typed in the tag box (comma-separated), checked like commerce checks them. */
export function addTags(current: readonly string[], typed: string): FormResult<string[]> {
  const added = splitTags(typed);
  if (!added.length) return { ok: false, errors: { add: m.customers_err_tag_empty() } };
  const parsed = tagsSchema.safeParse([...current, ...added]);
  if (!parsed.success) return { ok: false, errors: { add: parsed.error.issues[0]?.message ?? m.customers_err_tag() } };
  return { ok: true, body: parsed.data };
}

/** The customer's tags without `tag` (compared as stored: trimmed, lowercase). */
export function removeTag(current: readonly string[], tag: string): string[] {
  const gone = normaliseTag(tag);
  return current.filter((t) => normaliseTag(t) !== gone);
}

export const DEVICE_FIELDS = ["device_type", "brand", "model", "imei_serial", "colour"] as const;

const deviceSchema = z.object({
  device_type: z.enum(DEVICE_TYPES, { error: () => m.customers_err_device_type() }),
  brand: z.string().trim().min(1, { error: () => m.customers_err_brand() }).max(60),
  model: z.string().trim().min(1, { error: () => m.customers_err_model() }).max(80),
  imei_serial: z.string().trim().max(40),
  colour: z.string().trim().max(40, { error: () => m.customers_err_colour() }),
});

export function parseDeviceForm(values: Record<(typeof DEVICE_FIELDS)[number], string>): FormResult<AddCustomerDeviceBody> {
  const parsed = deviceSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrorsFrom(parsed.error) };
  const v = parsed.data;
  const body = addCustomerDeviceBodySchema.safeParse({ ...v, imei_serial: v.imei_serial || null, colour: v.colour || null });
  if (!body.success) return { ok: false, errors: fieldErrorsFrom(body.error) };
  return { ok: true, body: body.data };
}

export function parseNoteForm(text: string): FormResult<{ body: string }> {
  const body = addCustomerNoteBodySchema.safeParse({ body: text });
  if (!body.success) return { ok: false, errors: { body: body.error.issues[0]?.message ?? m.customers_err_note() } };
  return { ok: true, body: body.data };
}

/** The customer that already has this phone or email, from a 409 answer. */
export function duplicateCustomerOf(err: unknown) {
  if (!(err instanceof CommerceError) || err.status !== 409) return null;
  return duplicateCustomerErrorSchema.safeParse(err.body).data ?? null;
}

/** The device this customer already has with that IMEI / serial, from a 409 answer. */
export function duplicateDeviceOf(err: unknown) {
  if (!(err instanceof CommerceError) || err.status !== 409) return null;
  return duplicateDeviceErrorSchema.safeParse(err.body).data ?? null;
}

/** A commerce 400 split over the form's fields ("phone: … is not a valid phone number"). */
export function commerceErrorsFor(err: unknown, fields: readonly string[]): { errors: FieldErrors; rest: string | null } | null {
  if (!(err instanceof CommerceError) || err.status !== 400) return null;
  return commerceFieldErrors(err.message, (path) => fields.find((f) => path === f || path.startsWith(`${f}.`) || path.startsWith(`${f}[`)) ?? null);
}
