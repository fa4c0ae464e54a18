import { fail } from "@sveltejs/kit";
import { MALAYSIAN_STATE_NAMES, MALAYSIAN_STATES, MANAGERS } from "@voltura/domain";
import { updateCampaignDispatchSettingsBodySchema, type CampaignDispatchSettings, type WhatsAppSession } from "@voltura/contracts";
import { getCampaignDispatchSettings, listWhatsAppSessions, updateCampaignDispatchSettings } from "@voltura/medusa-client";
import { m } from "$lib/paraglide/messages.js";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { Actions, PageServerLoad } from "./$types";

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  const [sessions, pacing] = await Promise.allSettled([listWhatsAppSessions(commerce), getCampaignDispatchSettings(commerce)]);
  return {
    sessions: sessions.status === "fulfilled" ? sessions.value : ([] as WhatsAppSession[]),
    sessionsProblem: sessions.status === "rejected" ? commerceProblem(sessions.reason).message : null,
    pacing: pacing.status === "fulfilled" ? pacing.value : (null as CampaignDispatchSettings | null),
    pacingProblem: pacing.status === "rejected" ? commerceProblem(pacing.reason).message : null,
    states: MALAYSIAN_STATES.map((code) => ({ code, name: MALAYSIAN_STATE_NAMES[code] })),
  };
};

export const actions: Actions = {
  pacing: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const form = await request.formData();
    const values = {
      contact_cap_days: String(form.get("contact_cap_days") ?? ""),
      identical_text_per_hour: String(form.get("identical_text_per_hour") ?? ""),
      state: String(form.get("state") ?? ""),
    };
    const parsed = updateCampaignDispatchSettingsBodySchema.safeParse({
      contact_cap_days: Number(values.contact_cap_days),
      identical_text_per_hour: Number(values.identical_text_per_hour),
      state: values.state,
    });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? "");
      const message = field === "contact_cap_days"
        ? m.settings_whatsapp_error_cap_days()
        : field === "identical_text_per_hour" ? m.settings_whatsapp_error_identical() : m.settings_whatsapp_error_state();
      return fail(400, { pacing: { message, field, values } });
    }
    try {
      await updateCampaignDispatchSettings(commerce, parsed.data);
      return { pacing: { saved: m.settings_whatsapp_pacing_saved() } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { pacing: { message: problem.message, field: "", values } });
    }
  },
};
