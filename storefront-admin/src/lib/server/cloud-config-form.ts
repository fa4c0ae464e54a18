import { CLOUD_SECRET_FIELDS, type CloudConfig, type UpdateCloudConfigBody } from "@voltura/contracts";
import { CommerceError } from "@voltura/medusa-client";
import { m } from "$lib/paraglide/messages.js";
import { commerceFieldErrors } from "./commerce-errors";
import type { FieldErrors } from "./forms";

/**
 * The Cloud API number's form (add and edit): the fields, the presence check the console makes itself
 * (in the staff member's language), and commerce's 400 ("cloud.verify_token: …") put back on each field.
 */
export const CLOUD_FIELDS = ["phone_number_id", "waba_id", "access_token", "app_secret", "verify_token"] as const;
export type CloudField = (typeof CLOUD_FIELDS)[number];
export type CloudValues = Record<CloudField, string>;

export function cloudValuesFrom(form: FormData): CloudValues {
  return Object.fromEntries(CLOUD_FIELDS.map((f) => [f, String(form.get(f) ?? "").trim()])) as CloudValues;
}

/**
 * What a failed submit shows again: the ids and the verify token (a word the shop made up for Meta), never
 * the access token or the app secret.
 */
export function echoValues(values: CloudValues): CloudValues {
  return { ...values, access_token: "", app_secret: "" };
}

const REQUIRED: Record<CloudField, () => string> = {
  phone_number_id: m.cloud_error_phone_number_id_required,
  waba_id: m.cloud_error_waba_id_required,
  access_token: m.cloud_error_access_token_required,
  app_secret: m.cloud_error_app_secret_required,
  verify_token: m.cloud_error_verify_token_required,
};

/** A new number needs every field; the format is commerce's to check (its 400 names the field). */
export function missingCloudFields(values: CloudValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of CLOUD_FIELDS) if (!values[field]) errors[field] = REQUIRED[field]();
  return errors;
}

export function cloudConfigOf(values: CloudValues): CloudConfig {
  return { ...values };
}

/** An edit sends only what was typed: an empty secret keeps the stored one. */
export function cloudPatchOf(values: CloudValues): UpdateCloudConfigBody {
  const patch: UpdateCloudConfigBody = {};
  for (const field of CLOUD_FIELDS) if (values[field]) patch[field] = values[field];
  return patch;
}

/** Commerce's 400 on a field of the form (`cloud.waba_id: …`, `name: …`); what fits no field stays in `rest`. */
export function cloudErrorsFrom(err: unknown): { errors: FieldErrors; rest: string | null } | null {
  if (!(err instanceof CommerceError) || err.status !== 400) return null;
  return commerceFieldErrors(err.message, (path) => {
    const field = path.replace(/^cloud\./, "");
    if ((CLOUD_FIELDS as readonly string[]).includes(field)) return field;
    return path === "name" ? "name" : null;
  });
}

/** Which secrets the number has stored (the page shows "set" / "not set", never a value). */
export function secretsSet(cloud: { access_token_set: boolean; app_secret_set: boolean; verify_token_set: boolean } | null): Record<(typeof CLOUD_SECRET_FIELDS)[number], boolean> {
  return {
    access_token: cloud?.access_token_set ?? false,
    app_secret: cloud?.app_secret_set ?? false,
    verify_token: cloud?.verify_token_set ?? false,
  };
}
