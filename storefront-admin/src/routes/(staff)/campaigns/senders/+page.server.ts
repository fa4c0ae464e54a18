import { fail } from "@sveltejs/kit";
import { formatDateTime as formatShopTime } from "$lib/i18n/format";
import { updateCampaignDispatchSettingsBodySchema } from "@voltura/contracts";
import {
  getCampaignDispatchSettings,
  listCampaignSenders,
  pauseCampaignSender,
  resumeCampaignSender,
  updateCampaignDispatchSettings,
  updateCampaignSender,
} from "@voltura/medusa-client";
import { PolicyFieldError, policyBodyFrom } from "$lib/campaigns/policy-form";
import { campaignsFor } from "$lib/campaigns/server";
import { commerceProblem } from "$lib/server/commerce";
import type { Actions, PageServerLoad } from "./$types";

const when = (iso: string | null) => (iso ? formatShopTime(iso) : null);

export const load: PageServerLoad = async ({ locals, depends }) => {
  depends("campaign:senders");
  const { commerce } = campaignsFor(locals);
  try {
    const [senders, settings] = await Promise.all([listCampaignSenders(commerce), getCampaignDispatchSettings(commerce)]);
    return {
      senders: senders.map((s) => ({
        ...s,
        timelockText: when(s.timelock_until),
        pausedText: when(s.paused_at),
        nextSendText: when(s.next_send_at),
        lastSentText: when(s.last_sent_at),
        healthText: s.health ? when(s.health.computed_at) : null,
      })),
      settings,
      problem: null,
    };
  } catch (err) {
    return { senders: [], settings: null, problem: commerceProblem(err).message };
  }
};

const sessionId = (form: FormData) => String(form.get("session_id") ?? "").trim();

export const actions: Actions = {
  policy: async ({ locals, request }) => {
    const { commerce } = campaignsFor(locals);
    const form = await request.formData();
    const id = sessionId(form);
    if (!id) return fail(400, { sender: { id, message: "Which number?" } });
    try {
      const saved = await updateCampaignSender(commerce, id, policyBodyFrom(form));
      return { sender: { id, done: `Pacing of ${saved.name ?? id} saved.` } };
    } catch (err) {
      if (err instanceof PolicyFieldError) return fail(400, { sender: { id, message: `${err.field}: ${err.message}` } });
      const problem = commerceProblem(err);
      return fail(problem.status, { sender: { id, message: problem.message } });
    }
  },
  pause: async ({ locals, request }) => {
    const { commerce } = campaignsFor(locals);
    const form = await request.formData();
    const id = sessionId(form);
    if (!id) return fail(400, { sender: { id, message: "Which number?" } });
    try {
      await pauseCampaignSender(commerce, id, { reason: String(form.get("reason") ?? "").trim() || undefined });
      return { sender: { id, done: "Campaign sends from this number are paused." } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { sender: { id, message: problem.message } });
    }
  },
  resume: async ({ locals, request }) => {
    const { commerce } = campaignsFor(locals);
    const id = sessionId(await request.formData());
    if (!id) return fail(400, { sender: { id, message: "Which number?" } });
    try {
      await resumeCampaignSender(commerce, id);
      return { sender: { id, done: "This number sends again within its pacing." } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { sender: { id, message: problem.message } });
    }
  },
  settings: async ({ locals, request }) => {
    const { commerce } = campaignsFor(locals);
    const form = await request.formData();
    const parsed = updateCampaignDispatchSettingsBodySchema.safeParse({
      contact_cap_days: Number(form.get("contact_cap_days")),
      identical_text_per_hour: Number(form.get("identical_text_per_hour")),
      state: String(form.get("state") ?? ""),
    });
    if (!parsed.success) return fail(400, { settings: { message: parsed.error.issues[0]?.message ?? "Check the settings" } });
    try {
      await updateCampaignDispatchSettings(commerce, parsed.data);
      return { settings: { done: "Sending settings saved." } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { settings: { message: problem.message } });
    }
  },
};
