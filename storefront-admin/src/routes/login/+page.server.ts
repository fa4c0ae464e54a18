import { fail, redirect } from "@sveltejs/kit";
import { z } from "zod";
import { signinAttempts, startSession } from "$lib/server/auth";
import { commerceAs, commerceProblem, SYSTEM_ACTOR, verifyStaffPassword } from "$lib/server/commerce";
import { getEnv } from "$lib/server/env";
import { fieldErrorsFrom, type FieldErrors } from "$lib/server/forms";
import { evaluateSigninLimit, tooManyAttemptsMessage } from "$lib/server/rate-limit";
import { landingPage } from "$lib/server/landing";
import { safeRedirectTarget } from "$lib/server/route-access";
import { consoleRoleOf, findStaffByEmail } from "$lib/server/staff-api";
import type { Actions, PageServerLoad } from "./$types";

const loginSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "Enter your work email address, e.g. name@voltura.my" })),
  password: z.string().min(1, "Enter your password").max(256, "That password is too long"),
});

const WRONG_CREDENTIALS = "Email or password is incorrect.";
const NOT_STAFF = "This account is not an active staff member. Ask the shop owner to check your access.";

export const load: PageServerLoad = ({ locals, url }) => {
  const redirectTo = safeRedirectTarget(url.searchParams.get("redirectTo"));
  if (locals.staff) redirect(303, landingPage(redirectTo, locals.staff.role));
  return { redirectTo, clerk: getEnv().clerkEnabled, notStaff: locals.denied === "not-staff" };
};

function refuse(status: number, email: string, message: string | null, errors: FieldErrors = {}) {
  return fail(status, { email, message, errors });
}

export const actions: Actions = {
  default: async (event) => {
    if (getEnv().clerkEnabled) return refuse(400, "", "Sign in with the form above.");
    const data = await event.request.formData();
    const typedEmail = String(data.get("email") ?? "");
    const parsed = loginSchema.safeParse({ email: typedEmail, password: String(data.get("password") ?? "") });
    if (!parsed.success) return refuse(400, typedEmail, null, fieldErrorsFrom(parsed.error));

    const { email, password } = parsed.data;
    const ip = event.getClientAddress();
    const attempts = signinAttempts();
    const verdict = evaluateSigninLimit(await attempts.recentFailures(email, ip), new Date());
    if (!verdict.allowed) return refuse(429, email, tooManyAttemptsMessage(verdict.retryAfterSeconds));

    let member;
    try {
      if (!(await verifyStaffPassword(email, password))) {
        await attempts.recordFailure(email, ip);
        return refuse(400, email, WRONG_CREDENTIALS);
      }
      member = await findStaffByEmail(commerceAs(SYSTEM_ACTOR), email);
    } catch (err) {
      const problem = commerceProblem(err);
      return refuse(problem.status >= 500 ? 503 : 502, email, problem.message);
    }
    const role = consoleRoleOf(member);
    if (!member || !role) {
      await attempts.recordFailure(email, ip);
      return refuse(403, email, NOT_STAFF);
    }

    await attempts.clearFailures(email, ip);
    await startSession(event, { id: member.id, email: member.email, name: member.name || member.email, role });
    redirect(303, landingPage(safeRedirectTarget(data.get("redirectTo")), role));
  },
};
