import { fail } from "@sveltejs/kit";
import { ALL_STAFF, MANAGERS, roleAllowed } from "@voltura/domain";
import { knowledgeDocumentBodySchema, type KnowledgeDocument } from "@voltura/contracts";
import { ConciergeApi } from "@voltura/medusa-client";
import { m } from "$lib/paraglide/messages.js";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { Actions, PageServerLoad } from "./$types";

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce, staff } = requireRole(locals, ALL_STAFF);
  let documents: KnowledgeDocument[] = [];
  let problem: string | null = null;
  try {
    documents = await new ConciergeApi(commerce).listKnowledge();
  } catch (err) {
    problem = commerceProblem(err).message;
  }
  return { documents, problem, canEdit: roleAllowed(staff.role, MANAGERS) };
};

const FIELD_MESSAGES: Record<string, () => string> = {
  kind: m.knowledge_error_kind,
  title: m.knowledge_error_title,
  body: m.knowledge_error_body,
  language: m.knowledge_error_language,
};

export const actions: Actions = {
  save: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const form = await request.formData();
    const id = String(form.get("id") ?? "") || undefined;
    const raw = { kind: String(form.get("kind") ?? ""), title: String(form.get("title") ?? ""), body: String(form.get("body") ?? ""), language: String(form.get("language") ?? "mixed") };
    const parsed = knowledgeDocumentBodySchema.safeParse(raw);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "")))];
      return fail(400, { save: { id: id ?? "new", message: fields.map((field) => (FIELD_MESSAGES[field] ?? m.knowledge_error_body)()).join(" ") } });
    }
    try {
      const doc = await new ConciergeApi(commerce).saveKnowledge(parsed.data, id);
      return { save: { id: id ?? "new", done: m.knowledge_saved({ title: doc.title }) } };
    } catch (err) {
      return fail(commerceProblem(err).status, { save: { id: id ?? "new", message: commerceProblem(err).message } });
    }
  },

  remove: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const id = String((await request.formData()).get("id") ?? "");
    if (!id) return fail(400, { save: { id: "", message: m.knowledge_error_which() } });
    try {
      await new ConciergeApi(commerce).deleteKnowledge(id);
      return { save: { id: "", done: m.knowledge_deleted() } };
    } catch (err) {
      return fail(commerceProblem(err).status, { save: { id, message: commerceProblem(err).message } });
    }
  },

  // Reads every document again so the concierge answers from the latest words (after a model change, say).
  reembed: async ({ locals }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    try {
      const r = await new ConciergeApi(commerce).reembedKnowledge();
      return { reembed: { done: m.knowledge_refreshed({ count: r.documents }) } };
    } catch (err) {
      return fail(commerceProblem(err).status, { reembed: { message: commerceProblem(err).message } });
    }
  },

  test: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, ALL_STAFF);
    const question = String((await request.formData()).get("question") ?? "").trim();
    if (!question) return fail(400, { test: { question, message: m.knowledge_error_question() } });
    try {
      return { test: { question, result: await new ConciergeApi(commerce).searchKnowledge(question) } };
    } catch (err) {
      return fail(commerceProblem(err).status, { test: { question, message: commerceProblem(err).message } });
    }
  },
};
