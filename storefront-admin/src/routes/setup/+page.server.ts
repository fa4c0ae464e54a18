import { fail, redirect } from "@sveltejs/kit";
import { setupBodySchema } from "@voltura/contracts";
import { completeSetup } from "@voltura/medusa-client";
import { CommerceError } from "@voltura/medusa-client";
import { startSession } from "$lib/server/auth";
import { commerceAs, commerceProblem, SYSTEM_ACTOR, verifyStaffPassword } from "$lib/server/commerce";
import { getEnv } from "$lib/server/env";
import { fieldErrorsFrom, formValues, type FieldErrors } from "$lib/server/forms";
import { markSetUp, setupStatus } from "$lib/server/setup-status";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

const FIELDS = ["shop_name", "shop_phone", "shop_address", "shop_email", "owner_name", "owner_email", "password", "password_confirm", "setup_token"] as const;
/** Body paths → form fields. */
const RENAME = {
  "shop.name": "shop_name", "shop.phone": "shop_phone", "shop.address": "shop_address", "shop.email": "shop_email",
  "owner.name": "owner_name", "owner.email": "owner_email", "owner.password": "password", setup_token: "setup_token",
};

/** Open only while the shop has no staff: afterwards it sends everyone to sign in. */
export const load: PageServerLoad = async ({ locals }) => {
  if (locals.staff) redirect(303, "/");
  const status = await setupStatus();
  if (!status.needed) redirect(303, "/login");
  return { tokenRequired: status.token_required };
};

export const actions: Actions = {
  default: async (event) => {
    const values = formValues(await event.request.formData(), FIELDS);
    const safe = { ...values, password: "", password_confirm: "", setup_token: "" };
    const refuse = (status: number, message: string | null, errors: FieldErrors = {}) => fail(status, { values: safe, errors, message });

    const parsed = setupBodySchema.safeParse({
      shop: { name: values.shop_name, phone: values.shop_phone, address: values.shop_address, email: values.shop_email || undefined },
      owner: { name: values.owner_name, email: values.owner_email, password: values.password },
      setup_token: values.setup_token || undefined,
    });
    const errors = parsed.success ? {} : fieldErrorsFrom(parsed.error, RENAME);
    if (values.password && values.password !== values.password_confirm) errors.password_confirm ??= m.auth_setup_passwords_differ();
    if (!parsed.success || Object.keys(errors).length) return refuse(400, m.auth_check_fields(), errors);

    try {
      await completeSetup(commerceAs(SYSTEM_ACTOR), parsed.data);
    } catch (err) {
      if (err instanceof CommerceError && err.status === 409) {
        markSetUp();
        return refuse(409, m.auth_setup_already());
      }
      if (err instanceof CommerceError && err.status === 401) return refuse(401, null, { setup_token: m.auth_setup_code_wrong() });
      const problem = commerceProblem(err);
      return refuse(problem.status >= 400 && problem.status < 600 ? problem.status : 502, problem.message);
    }
    markSetUp();
    if (getEnv().clerkEnabled) redirect(303, "/login");

    // Straight in: the owner just chose this password.
    const answer = await verifyStaffPassword(parsed.data.owner.email, parsed.data.owner.password, event.getClientAddress()).catch(() => null);
    if (!answer?.ok) redirect(303, "/login");
    await startSession(event, { id: answer.staff.id, email: answer.staff.email, name: answer.staff.name, role: answer.staff.role });
    redirect(303, "/settings/shop");
  },
};
