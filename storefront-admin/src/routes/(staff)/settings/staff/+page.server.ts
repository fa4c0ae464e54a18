import { fail } from "@sveltejs/kit";
import { z } from "zod";
import { MANAGERS, refinePasswordField, STAFF_ROLES, staffRoleSchema, type StaffRole } from "@voltura/domain";
import { type SigninLockout } from "@voltura/contracts";
import { CommerceError, listSigninLockouts, resetStaffPassword, unlockSigninAccount } from "@voltura/medusa-client";
import { roleLabel } from "$lib/i18n/roles";
import { m } from "$lib/paraglide/messages.js";
import { sessions } from "$lib/server/auth";
import { commerceProblem } from "$lib/server/commerce";
import { fieldErrorsFrom, formValues } from "$lib/server/forms";
import { forgetDemoStatus } from "$lib/server/demo-status";
import { requireRole } from "$lib/server/guard";
import { passwordChanges } from "$lib/server/password-change";
import { consoleRoleOf, createStaff, listStaff, updateStaff } from "$lib/server/staff-api";
import type { StaffRow } from "$lib/types";
import type { Actions, PageServerLoad } from "./$types";

// Built per request: its messages are in the staff member's language.
const createStaffSchema = () => z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email({ error: m.settings_staff_error_email() })),
    name: z.string().trim().min(1, m.settings_staff_error_name()).max(120),
    role: z.enum(STAFF_ROLES, { error: m.settings_staff_error_role() }),
    password: z.string().min(10, m.settings_staff_error_password_short()).max(128, m.settings_staff_error_password_long()),
  })
  .superRefine(refinePasswordField<{ email: string; name: string; password: string }>("password"));

const CREATE_FIELDS = ["email", "name", "role", "password"] as const;

/** Roles change only through owners: they add staff, change roles and deactivate; managers read the list. */
function assignableRoles(actor: StaffRole): StaffRole[] {
  return actor === "owner" ? [...STAFF_ROLES] : [];
}

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce, staff: me } = requireRole(locals, MANAGERS);
  const roles = assignableRoles(me.role).map((value) => ({ value, label: roleLabel(value) }));
  try {
    const { staff } = await listStaff(commerce, { limit: 200 });
    const rows: StaffRow[] = staff
      .filter((s) => s.role !== "system" && s.role !== "integration")
      .map((s) => {
        const role = staffRoleSchema.safeParse(s.role).data ?? null;
        return { id: s.id, email: s.email, name: s.name || s.email, role, roleText: role ? roleLabel(role) : s.role, active: s.active };
      })
      .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
    // Accounts locked by wrong passwords in the last day (owners unlock them).
    const lockouts = await listSigninLockouts(commerce).catch(() => [] as SigninLockout[]);
    return { rows, roles, meId: me.id, canManageOwners: me.role === "owner", lockouts, problem: null };
  } catch (err) {
    const problem = commerceProblem(err).message;
    return { rows: [] as StaffRow[], roles, meId: me.id, canManageOwners: me.role === "owner", lockouts: [] as SigninLockout[], problem };
  }
};

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const { commerce, staff: me } = requireRole(locals, ["owner"]);
    const values = formValues(await request.formData(), CREATE_FIELDS);
    const safeValues = { ...values, password: "" };
    const parsed = createStaffSchema().safeParse(values);
    if (!parsed.success) {
      return fail(400, { create: { values: safeValues, errors: fieldErrorsFrom(parsed.error), message: m.settings_staff_error_fix() } });
    }
    if (!assignableRoles(me.role).includes(parsed.data.role)) {
      return fail(403, { create: { values: safeValues, errors: { role: m.settings_staff_error_owner_add() }, message: null } });
    }
    try {
      const created = await createStaff(commerce, parsed.data);
      return { create: { done: m.settings_staff_done_created({ name: created.name || created.email, role: roleLabel(parsed.data.role) }) } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status >= 400 && problem.status < 600 ? problem.status : 502, {
        create: { values: safeValues, errors: {}, message: problem.message },
      });
    }
  },

  update: async ({ locals, request }) => {
    const { commerce, staff: me } = requireRole(locals, ["owner"]);
    const data = await request.formData();
    const id = String(data.get("id") ?? "");
    const intent = String(data.get("intent") ?? "");
    const refuse = (status: number, message: string) => fail(status, { update: { id, message } });
    if (!id) return refuse(400, m.settings_staff_error_choose_change());
    if (id === me.id) return refuse(400, m.settings_staff_error_self());

    let patch: { role?: StaffRole; active?: boolean };
    if (intent === "role") {
      const role = staffRoleSchema.safeParse(data.get("role"));
      if (!role.success) return refuse(400, m.settings_staff_error_valid_role());
      if (!assignableRoles(me.role).includes(role.data)) return refuse(403, m.settings_staff_error_owner_make());
      patch = { role: role.data };
    } else if (intent === "deactivate" || intent === "activate") {
      patch = { active: intent === "activate" };
    } else {
      return refuse(400, m.settings_staff_error_unknown());
    }

    try {
      const updated = await updateStaff(commerce, id, patch);
      forgetDemoStatus();
      // Keep open console sessions in step: a deactivated person is signed out everywhere.
      const role = consoleRoleOf(updated);
      if (!role) await sessions().invalidateAllFor(id);
      else await sessions().updateStaff(id, { role, name: updated.name || undefined });
      const name = updated.name || updated.email;
      const done = patch.role
        ? m.settings_staff_done_role({ name, role: roleLabel(patch.role) })
        : updated.active ? m.settings_staff_done_active({ name }) : m.settings_staff_done_deactivated({ name });
      return { update: { id, done } };
    } catch (err) {
      const problem = commerceProblem(err);
      return refuse(problem.status >= 400 && problem.status < 600 ? problem.status : 502, problem.message);
    }
  },

  /** An owner sets a temporary password (typed, or made up by commerce and shown once here). */
  resetPassword: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, ["owner"]);
    const data = await request.formData();
    const id = String(data.get("id") ?? "");
    const typed = String(data.get("temporary_password") ?? "").trim();
    const refuse = (status: number, message: string) => fail(status, { reset: { id, message } });
    if (!id) return refuse(400, m.settings_staff_error_choose());
    try {
      const answer = await resetStaffPassword(commerce, id, typed ? { temporary_password: typed } : {});
      // Their open sessions end; at the next sign-in they must choose their own password.
      await sessions().invalidateAllFor(id);
      await passwordChanges().require(id);
      return { reset: { id, name: answer.staff.name || answer.staff.email, temporary: answer.temporary_password } };
    } catch (err) {
      if (err instanceof CommerceError && err.status === 400) return refuse(400, err.message.replace(/^Invalid request:\s*temporary_password:\s*/, `${m.settings_staff_temporary_prefix()} `));
      const problem = commerceProblem(err);
      return refuse(problem.status >= 400 && problem.status < 600 ? problem.status : 502, problem.message);
    }
  },

  /** An owner lifts a lock left by wrong passwords. */
  unlock: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, ["owner"]);
    const email = String((await request.formData()).get("email") ?? "");
    try {
      await unlockSigninAccount(commerce, email);
      return { unlock: { email, done: m.settings_staff_done_unlocked({ email }) } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status >= 400 && problem.status < 600 ? problem.status : 502, { unlock: { email, message: problem.message } });
    }
  },
};
