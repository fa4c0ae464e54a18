import { fail } from "@sveltejs/kit";
import {
  MANAGERS,
  MESSAGE_TEMPLATE_LANGUAGES,
  messageTemplateKindSchema,
  unknownPlaceholders,
  type MessageTemplateKind,
  type MessageTemplateLanguage,
  type MessageTemplateUpdate,
} from "@voltura/domain";
import { type MessageTemplate } from "@voltura/contracts";
import { MessageTemplatesApi } from "@voltura/medusa-client";
import { m } from "$lib/paraglide/messages.js";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { Actions, PageServerLoad } from "./$types";

const MAX_LENGTH = 1000;

export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  let templates: MessageTemplate[] = [];
  let problem: string | null = null;
  try {
    templates = await new MessageTemplatesApi(commerce).list();
  } catch (err) {
    problem = commerceProblem(err).message;
  }
  const asked = messageTemplateKindSchema.safeParse(url.searchParams.get("kind"));
  const selected = templates.find((t) => asked.success && t.kind === asked.data) ?? templates[0] ?? null;
  return { templates, selected, problem };
};

const languageOf = (value: FormDataEntryValue | null): MessageTemplateLanguage | null =>
  (MESSAGE_TEMPLATE_LANGUAGES as readonly string[]).includes(String(value)) ? (String(value) as MessageTemplateLanguage) : null;

/** What a field's text is wrong about, in the staff member's language (null when it may be saved). */
function textProblem(kind: MessageTemplateKind, text: string): string | null {
  if (!text.trim()) return m.settings_messages_error_empty();
  if (text.length > MAX_LENGTH) return m.settings_messages_error_too_long({ max: MAX_LENGTH });
  const unknown = unknownPlaceholders(kind, text);
  return unknown.length ? m.settings_messages_error_placeholder({ names: unknown.map((p) => `{${p}}`).join(" ") }) : null;
}

export const actions: Actions = {
  save: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const form = await request.formData();
    const kind = messageTemplateKindSchema.safeParse(form.get("kind"));
    if (!kind.success) return fail(400, { message: m.settings_messages_error_kind(), errors: {}, values: {} });
    const values = { en: String(form.get("en") ?? ""), ms: String(form.get("ms") ?? "") };
    const errors: Partial<Record<MessageTemplateLanguage, string>> = {};
    for (const language of MESSAGE_TEMPLATE_LANGUAGES) {
      const problem = textProblem(kind.data, values[language]);
      if (problem) errors[language] = problem;
    }
    if (Object.keys(errors).length) return fail(400, { kind: kind.data, message: m.settings_messages_error_fix(), errors, values });

    const api = new MessageTemplatesApi(commerce);
    try {
      const current = (await api.list()).find((t) => t.kind === kind.data);
      // Only what changed is stored: an untouched default stays the default.
      const update: MessageTemplateUpdate = {};
      for (const language of MESSAGE_TEMPLATE_LANGUAGES) {
        if (values[language].trim() !== current?.texts[language]) update[language] = values[language].trim();
      }
      if (update.en === undefined && update.ms === undefined) return { kind: kind.data, saved: m.settings_messages_nothing_changed() };
      await api.update(kind.data, update);
      return { kind: kind.data, saved: m.settings_messages_saved() };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { kind: kind.data, message: problem.message, errors, values });
    }
  },

  reset: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const form = await request.formData();
    const kind = messageTemplateKindSchema.safeParse(form.get("kind"));
    const language = languageOf(form.get("language"));
    if (!kind.success || !language) return fail(400, { message: m.settings_messages_error_kind(), errors: {}, values: {} });
    try {
      await new MessageTemplatesApi(commerce).update(kind.data, { [language]: null });
      return { kind: kind.data, saved: language === "ms" ? m.settings_messages_reset_done_ms() : m.settings_messages_reset_done_en() };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { kind: kind.data, message: problem.message, errors: {}, values: {} });
    }
  },
};
