import { fail, redirect } from "@sveltejs/kit";
import { z } from "zod";
import { signinAttempts, startSession } from "$lib/server/auth";
import { commerceProblem, verifyStaffPassword } from "$lib/server/commerce";
import { getEnv } from "$lib/server/env";
import { fieldErrorsFrom, type FieldErrors } from "$lib/server/forms";
import { landingPage } from "$lib/server/landing";
import { setLocaleCookie } from "$lib/server/locale-cookie";
import { PASSWORD_PAGE, passwordChanges } from "$lib/server/password-change";
import { evaluateSigninLimit, tooManyAttemptsMessage } from "$lib/server/rate-limit";
import { safeRedirectTarget } from "$lib/server/route-access";
import { setupStatus } from "$lib/server/setup-status";
import { m } from "$lib/paraglide/messages.js";
import type { Actions, PageServerLoad } from "./$types";

/** Built per request: its messages are in the staff member's language. */
const loginSchema = () =>
  z.object({
    email: z.string().trim().toLowerCase().pipe(z.email({ error: m.auth_email_invalid() })),
    password: z.string().min(1, m.auth_password_missing()).max(256, m.auth_password_too_long()),
  });

export const load: PageServerLoad = async ({ locals, url }) => {
  const redirectTo = safeRedirectTarget(url.searchParams.get("redirectTo"));
  if (locals.staff) redirect(303, landingPage(redirectTo, locals.staff.role));
  const clerk = getEnv().clerkEnabled;
  // A shop without staff yet starts with its first-run setup.
  if (!clerk && (await setupStatus()).needed) redirect(303, "/setup");
  return { redirectTo, clerk, notStaff: locals.denied === "not-staff" };
};

function refuse(status: number, email: string, message: string | null, errors: FieldErrors = {}) {
  return fail(status, { email, message, errors });
}

export const actions: Actions = {
  default: async (event) => {
    if (getEnv().clerkEnabled) return refuse(400, "", m.auth_use_form_above());
    const data = await event.request.formData();
    const typedEmail = String(data.get("email") ?? "");
    const parsed = loginSchema().safeParse({ email: typedEmail, password: String(data.get("password") ?? "") });
    if (!parsed.success) return refuse(400, typedEmail, null, fieldErrorsFrom(parsed.error));

    const { email, password } = parsed.data;
    const ip = event.getClientAddress();
    const attempts = signinAttempts();
    // The console's own per-address limit, before commerce's per-account and per-address ones.
    const verdict = evaluateSigninLimit(await attempts.recentFailures(ip), new Date());
    if (!verdict.allowed) return refuse(429, email, tooManyAttemptsMessage(verdict.retryAfterSeconds));

    let answer;
    try {
      answer = await verifyStaffPassword(email, password, ip);
    } catch (err) {
      const problem = commerceProblem(err);
      return refuse(problem.status >= 500 ? 503 : 502, email, problem.message);
    }
    if (!answer.ok && answer.reason === "limited") return refuse(429, email, tooManyAttemptsMessage(answer.retry_after_seconds));
    if (!answer.ok) {
      await attempts.recordFailure(email, ip);
      // The one answer for a wrong password, an unknown email and a deactivated account.
      return refuse(401, email, m.auth_wrong_credentials());
    }

    const { staff } = answer;
    // Their saved language follows them to this browser (the switch in the shell changes both).
    if (staff.locale) setLocaleCookie(event.cookies, staff.locale);
    await startSession(event, { id: staff.id, email: staff.email, name: staff.name || staff.email, role: staff.role });
    const changes = passwordChanges();
    if (answer.must_change_password) {
      await changes.require(staff.id);
      redirect(303, PASSWORD_PAGE);
    }
    await changes.clear(staff.id);
    redirect(303, landingPage(safeRedirectTarget(data.get("redirectTo")), staff.role));
  },
};
