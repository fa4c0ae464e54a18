import { fail, redirect } from "@sveltejs/kit";
import { z } from "zod";
import { ALL_STAFF, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from "@voltura/domain";
import { changeOwnPassword, CommerceError } from "@voltura/medusa-client";
import { sessions, startSession } from "$lib/server/auth";
import { commerceProblem } from "$lib/server/commerce";
import { getEnv } from "$lib/server/env";
import { fieldErrorsFrom, formValues, type FieldErrors } from "$lib/server/forms";
import { requireRole } from "$lib/server/guard";
import { landingPage } from "$lib/server/landing";
import { passwordChanges } from "$lib/server/password-change";
import { tooManyAttemptsMessage } from "$lib/server/rate-limit";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

const FIELDS = ["current_password", "new_password", "new_password_confirm"] as const;

/** Built per request: its messages are in the staff member's language. */
const formSchema = () =>
  z
    .object({
      current_password: z.string().min(1, m.auth_password_current_missing()).max(256),
      new_password: z
        .string()
        .min(PASSWORD_MIN_LENGTH, m.auth_password_min({ count: PASSWORD_MIN_LENGTH }))
        .max(PASSWORD_MAX_LENGTH, m.auth_password_max({ count: PASSWORD_MAX_LENGTH })),
      new_password_confirm: z.string(),
    })
    .refine((v) => v.new_password === v.new_password_confirm, { path: ["new_password_confirm"], message: m.auth_password_new_differ() });

export const load: PageServerLoad = async ({ locals }) => {
  const { staff } = requireRole(locals, ALL_STAFF);
  const clerk = getEnv().clerkEnabled;
  return { required: clerk ? false : await passwordChanges().isRequired(staff.id), clerk };
};

/** "new_password: must …; current_password: …" from commerce → one message per field. */
function fieldErrorsFromMessage(message: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const part of message.replace(/^Invalid request:\s*/, "").split(/;\s*/)) {
    const match = /^(current_password|new_password):\s*(.+)$/.exec(part.trim());
    if (match) errors[match[1]!] ??= match[2]!.charAt(0).toUpperCase() + match[2]!.slice(1);
  }
  return errors;
}

export const actions: Actions = {
  default: async (event) => {
    const { staff, commerce } = requireRole(event.locals, ALL_STAFF);
    if (getEnv().clerkEnabled) return fail(400, { errors: {} as FieldErrors, message: m.auth_password_managed_short(), done: null });
    const values = formValues(await event.request.formData(), FIELDS);
    const refuse = (status: number, errors: FieldErrors, message: string | null = null) => fail(status, { errors, message, done: null });

    const parsed = formSchema().safeParse(values);
    if (!parsed.success) return refuse(400, fieldErrorsFrom(parsed.error));
    const problems = passwordProblems(parsed.data.new_password, { email: staff.email, name: staff.name });
    if (problems.length) return refuse(400, { new_password: problems[0]!.charAt(0).toUpperCase() + problems[0]!.slice(1) });

    try {
      await changeOwnPassword(commerce, { current_password: parsed.data.current_password, new_password: parsed.data.new_password });
    } catch (err) {
      if (err instanceof CommerceError && err.status === 401) return refuse(401, { current_password: m.auth_password_current_wrong() });
      if (err instanceof CommerceError && err.status === 429) {
        const seconds = (err.body as { retry_after_seconds?: number } | undefined)?.retry_after_seconds ?? 900;
        return refuse(429, {}, tooManyAttemptsMessage(seconds));
      }
      if (err instanceof CommerceError && err.status === 400) {
        const errors = fieldErrorsFromMessage(err.message);
        return refuse(400, errors, Object.keys(errors).length ? null : err.message);
      }
      return refuse(502, {}, commerceProblem(err).message);
    }

    const changes = passwordChanges();
    const wasRequired = await changes.isRequired(staff.id);
    await changes.clear(staff.id);
    // Every other device signs in again with the new password; this one gets a fresh session.
    await sessions().invalidateAllFor(staff.id);
    await startSession(event, staff);
    if (wasRequired) redirect(303, landingPage("/", staff.role));
    return { errors: {} as FieldErrors, message: null, done: m.auth_password_changed() };
  },
};
