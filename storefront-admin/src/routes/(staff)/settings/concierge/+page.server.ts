import { fail } from "@sveltejs/kit";
import { HANDOFF_TEXT } from "@voltura/conversation";
import { MANAGERS } from "@voltura/domain";
import { conciergeSettingsPatchSchema, WEEKDAYS, type ConciergeSettings } from "@voltura/contracts";
import { ConciergeApi } from "@voltura/medusa-client";
import { m } from "$lib/paraglide/messages.js";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { Actions, PageServerLoad } from "./$types";

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  let settings: ConciergeSettings | null = null;
  let problem: string | null = null;
  try {
    settings = await new ConciergeApi(commerce).settings();
  } catch (err) {
    problem = commerceProblem(err).message;
  }
  // The hand-over text is fixed in code (the concierge says exactly this before a person takes over).
  return { settings, problem, handoffText: HANDOFF_TEXT, weekdays: WEEKDAYS };
};

const FIELD_MESSAGES: Record<string, () => string> = {
  escalate_after_minutes: m.settings_concierge_error_minutes,
  manager_phones: m.settings_concierge_error_phones,
  opening_hours: m.settings_concierge_error_hours,
};

export const actions: Actions = {
  save: async ({ locals, request }) => {
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
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? "");
      const detail = field === "manager_phones" ? ` ${issue?.message ?? ""}` : "";
      return fail(400, { message: `${(FIELD_MESSAGES[field] ?? m.settings_concierge_error_hours)()}${detail}`, field });
    }
    try {
      await new ConciergeApi(commerce).updateSettings(parsed.data);
      return { saved: m.settings_concierge_saved() };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { message: problem.message, field: "" });
    }
  },
};
