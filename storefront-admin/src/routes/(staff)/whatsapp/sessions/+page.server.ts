import { fail } from "@sveltejs/kit";
import { z } from "zod";
import { MANAGERS, roleAllowed } from "@voltura/domain";
import {
  createWhatsAppSession,
  deleteWhatsAppSession,
  getWhatsAppHealth,
  pairWhatsAppSession,
  scanSimulatorSession,
} from "@voltura/medusa-client";
import { m } from "$lib/paraglide/messages.js";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { Actions, PageServerLoad } from "./$types";

const VIEWERS = ["owner", "manager", "technician"] as const;

// Built per request: its messages are in the staff member's language.
const createSchema = () => z.object({
  name: z.string().trim().min(1, m.settings_sessions_error_name()).max(80, m.settings_sessions_error_name()),
  kind: z.enum(["baileys", "simulator"], { error: m.settings_sessions_error_kind() }),
  is_default: z.literal("on").optional(),
});
const idSchema = z.object({ id: z.string().trim().min(1) });

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce, staff } = requireRole(locals, VIEWERS);
  const canManage = roleAllowed(staff.role, MANAGERS);
  try {
    const health = await getWhatsAppHealth(commerce);
    return { health, canManage, simulatorEnabled: health.simulator_enabled, problem: null };
  } catch (err) {
    return { health: null, canManage, simulatorEnabled: true, problem: commerceProblem(err).message };
  }
};

function idFrom(form: FormData): string | null {
  return idSchema.safeParse({ id: form.get("id") }).data?.id ?? null;
}

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const form = await request.formData();
    const values = { name: String(form.get("name") ?? ""), kind: String(form.get("kind") ?? "") };
    const parsed = createSchema().safeParse({ ...values, is_default: form.get("is_default") ?? undefined });
    if (!parsed.success) {
      const errors: Record<string, string> = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      return fail(400, { create: { values, errors, message: m.settings_sessions_error_fix() } });
    }
    try {
      const session = await createWhatsAppSession(commerce, { name: parsed.data.name, kind: parsed.data.kind, is_default: Boolean(parsed.data.is_default) });
      const done = session.kind === "baileys" ? m.settings_sessions_added_real({ name: session.name }) : m.settings_sessions_added_simulator({ name: session.name });
      return { create: { done } };
    } catch (err) {
      const problem = commerceProblem(err);
      const errors: Record<string, string> = {};
      return fail(problem.status, { create: { values, errors, message: problem.message } });
    }
  },
  pair: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const id = idFrom(await request.formData());
    if (!id) return fail(400, { session: { message: m.settings_sessions_error_which() } });
    try {
      await pairWhatsAppSession(commerce, id);
      return { session: { done: m.settings_sessions_pairing_started() } };
    } catch (err) {
      return fail(commerceProblem(err).status, { session: { message: commerceProblem(err).message } });
    }
  },
  scan: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const id = idFrom(await request.formData());
    if (!id) return fail(400, { session: { message: m.settings_sessions_error_which() } });
    try {
      await scanSimulatorSession(commerce, id);
      return { session: { done: m.settings_sessions_simulator_paired() } };
    } catch (err) {
      return fail(commerceProblem(err).status, { session: { message: commerceProblem(err).message } });
    }
  },
  remove: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const id = idFrom(await request.formData());
    if (!id) return fail(400, { session: { message: m.settings_sessions_error_which() } });
    try {
      await deleteWhatsAppSession(commerce, id);
      return { session: { done: m.settings_sessions_removed() } };
    } catch (err) {
      return fail(commerceProblem(err).status, { session: { message: commerceProblem(err).message } });
    }
  },
};
