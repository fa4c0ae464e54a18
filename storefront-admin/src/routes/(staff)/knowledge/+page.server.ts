import { fail } from "@sveltejs/kit";
import { ALL_STAFF, MANAGERS, roleAllowed } from "@voltura/domain";
import {
  ConciergeApi,
  conciergeSettingsPatchSchema,
  knowledgeDocumentBodySchema,
  WEEKDAYS,
  type ConciergeSettings,
  type KnowledgeDocument,
} from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { Actions, PageServerLoad } from "./$types";

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce, staff } = requireRole(locals, ALL_STAFF);
  const api = new ConciergeApi(commerce);
  let documents: KnowledgeDocument[] = [];
  let settings: ConciergeSettings | null = null;
  let problem: string | null = null;
  try {
    [documents, settings] = await Promise.all([api.listKnowledge(), api.settings()]);
  } catch (err) {
    problem = commerceProblem(err).message;
  }
  return { documents, settings, problem, canEdit: roleAllowed(staff.role, MANAGERS), weekdays: WEEKDAYS };
};

const issues = (e: { issues: Array<{ path: PropertyKey[]; message: string }> }) => e.issues.map((i) => `${i.path.join(".") || "form"}: ${i.message}`).join("; ");

export const actions: Actions = {
  save: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const form = await request.formData();
    const id = String(form.get("id") ?? "") || undefined;
    const raw = { kind: String(form.get("kind") ?? ""), title: String(form.get("title") ?? ""), body: String(form.get("body") ?? ""), language: String(form.get("language") ?? "mixed") };
    const parsed = knowledgeDocumentBodySchema.safeParse(raw);
    if (!parsed.success) return fail(400, { save: { id: id ?? "new", message: issues(parsed.error) } });
    try {
      const doc = await new ConciergeApi(commerce).saveKnowledge(parsed.data, id);
      return { save: { id: id ?? "new", done: `Saved "${doc.title}" and embedded ${doc.chunk_count} chunk(s) (${doc.embedder})` } };
    } catch (err) {
      return fail(commerceProblem(err).status, { save: { id: id ?? "new", message: commerceProblem(err).message } });
    }
  },

  remove: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const id = String((await request.formData()).get("id") ?? "");
    if (!id) return fail(400, { save: { id: "", message: "Which document?" } });
    try {
      await new ConciergeApi(commerce).deleteKnowledge(id);
      return { save: { id: "", done: "Document deleted" } };
    } catch (err) {
      return fail(commerceProblem(err).status, { save: { id, message: commerceProblem(err).message } });
    }
  },

  reembed: async ({ locals }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    try {
      const r = await new ConciergeApi(commerce).reembedKnowledge();
      return { reembed: { done: `Re-embedded ${r.documents} document(s), ${r.chunks} chunk(s) with ${r.embedder}` } };
    } catch (err) {
      return fail(commerceProblem(err).status, { reembed: { message: commerceProblem(err).message } });
    }
  },

  test: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, ALL_STAFF);
    const question = String((await request.formData()).get("question") ?? "").trim();
    if (!question) return fail(400, { test: { question, message: "Type a question to test" } });
    try {
      return { test: { question, result: await new ConciergeApi(commerce).searchKnowledge(question) } };
    } catch (err) {
      return fail(commerceProblem(err).status, { test: { question, message: commerceProblem(err).message } });
    }
  },

  settings: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const form = await request.formData();
    const raw = {
      bot_enabled: form.get("bot_enabled") === "on",
      escalate_after_minutes: Number(form.get("escalate_after_minutes")),
      manager_phones: String(form.get("manager_phones") ?? "").split(/[\n,]+/).map((p) => p.trim()).filter(Boolean),
      opening_hours: {
        opens: String(form.get("opens") ?? ""),
        closes: String(form.get("closes") ?? ""),
        closed_days: form.getAll("closed_days").map(String),
      },
    };
    const parsed = conciergeSettingsPatchSchema.safeParse(raw);
    if (!parsed.success) return fail(400, { settings: { message: issues(parsed.error) } });
    try {
      await new ConciergeApi(commerce).updateSettings(parsed.data);
      return { settings: { done: "Concierge settings saved" } };
    } catch (err) {
      return fail(commerceProblem(err).status, { settings: { message: commerceProblem(err).message } });
    }
  },
};
