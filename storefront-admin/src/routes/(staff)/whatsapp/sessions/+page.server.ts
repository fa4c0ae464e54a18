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
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { Actions, PageServerLoad } from "./$types";

const VIEWERS = ["owner", "manager", "technician"] as const;

const createSchema = z.object({
  name: z.string().trim().min(1, "Give the number a name, e.g. Shop front desk").max(80),
  kind: z.enum(["baileys", "simulator"], { error: "Choose WhatsApp (real number) or Simulator" }),
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
    const parsed = createSchema.safeParse({ ...values, is_default: form.get("is_default") ?? undefined });
    if (!parsed.success) {
      const errors: Record<string, string> = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      return fail(400, { create: { values, errors, message: "Check the highlighted fields." } });
    }
    try {
      const session = await createWhatsAppSession(commerce, { name: parsed.data.name, kind: parsed.data.kind, is_default: Boolean(parsed.data.is_default) });
      const next = session.kind === "baileys" ? "Scan the QR code below with the shop's phone." : "Scan the simulated QR code to pair it.";
      return { create: { done: `${session.name} added. ${next}` } };
    } catch (err) {
      const problem = commerceProblem(err);
      const errors: Record<string, string> = {};
      return fail(problem.status, { create: { values, errors, message: problem.message } });
    }
  },
  pair: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const id = idFrom(await request.formData());
    if (!id) return fail(400, { session: { message: "Which session?" } });
    try {
      await pairWhatsAppSession(commerce, id);
      return { session: { done: "Pairing started: the QR code appears in a moment." } };
    } catch (err) {
      return fail(commerceProblem(err).status, { session: { message: commerceProblem(err).message } });
    }
  },
  scan: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const id = idFrom(await request.formData());
    if (!id) return fail(400, { session: { message: "Which session?" } });
    try {
      await scanSimulatorSession(commerce, id);
      return { session: { done: "Simulator paired." } };
    } catch (err) {
      return fail(commerceProblem(err).status, { session: { message: commerceProblem(err).message } });
    }
  },
  remove: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const id = idFrom(await request.formData());
    if (!id) return fail(400, { session: { message: "Which session?" } });
    try {
      await deleteWhatsAppSession(commerce, id);
      return { session: { done: "Session removed; its messages stay in the log." } };
    } catch (err) {
      return fail(commerceProblem(err).status, { session: { message: commerceProblem(err).message } });
    }
  },
};
