import { randomUUID } from "node:crypto";
import { error, fail } from "@sveltejs/kit";
import { ALL_STAFF, allowedNextStatuses, formatPhoneForDisplay, repairStatusSchema, tryNormalisePhone } from "@voltura/domain";
import { ConciergeApi, listWhatsAppMessages, type CommerceClient } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { liveRecordDependency } from "$lib/live/protocol";
import { requireRole } from "$lib/server/guard";
import { jobActionSchema, jobMessage, sendAsStaff, staffSendSchema, statusChoices } from "$lib/server/inbox";
import { chatCloudState, chosenTemplate, windowRefusal } from "$lib/server/inbox-cloud";
import { paramsFromForm } from "$lib/whatsapp/cloud";
import { m } from "$lib/paraglide/messages.js";
import { deviceName, REPAIR_STATUS_LABELS } from "$lib/repair/labels";
import type { Actions, PageServerLoad } from "./$types";

function phoneOf(raw: string): string {
  const phone = tryNormalisePhone(decodeURIComponent(raw));
  if (!phone) error(404, { message: m.inbox_not_a_phone({ raw }) });
  return phone;
}

async function jobsOf(commerce: CommerceClient, phone: string) {
  const list = await commerce.listRepairJobs({ q: phone, limit: 20 });
  return list.repair_jobs.filter((j) => j.customer_phone === phone);
}

/** Messages shown at once: the newest page, older ones a page at a time through the cursor. */
const CHAT_PAGE = 100;

export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
  const { commerce } = requireRole(locals, ALL_STAFF);
  const phone = phoneOf(params.phone);
  // Messages, delivery ticks and handoffs of this chat (the page reloads them, see reloadOnRecordChange); its jobs.
  depends(liveRecordDependency("conversation", phone), "live:job");
  const api = new ConciergeApi(commerce);
  const before = url.searchParams.get("before") || undefined;
  const base = { phone, phoneText: formatPhoneForDisplay(phone), nonce: randomUUID(), older: null as string | null, viewingOlder: Boolean(before), cloud: null as Awaited<ReturnType<typeof chatCloudState>> };
  try {
    const [messages, chat, jobs] = await Promise.all([listWhatsAppMessages(commerce, { phone, limit: CHAT_PAGE, before }), api.conversation(phone), jobsOf(commerce, phone)]);
    // A Cloud API number: the customer's 24 h window and the approved templates for when it is closed.
    const cloud = await chatCloudState(commerce, messages.messages).catch(() => null);
    return {
      ...base,
      cloud,
      // The customer's name from their jobs (the chat itself only knows the number).
      name: jobs.find((j) => j.customer_name)?.customer_name ?? null,
      problem: null,
      older: messages.next_cursor,
      messages: [...messages.messages].reverse(),
      handoff: chat.handoff,
      conversation: chat.conversation,
      jobs: jobs.map((j) => ({
        id: j.id,
        job_number: j.job_number,
        device: deviceName(j),
        status: j.status,
        statusLabel: REPAIR_STATUS_LABELS[j.status],
        diagnosis: j.diagnosis,
        next: statusChoices(allowedNextStatuses(j.status)).map((s) => ({ value: s, label: REPAIR_STATUS_LABELS[s] })),
      })),
    };
  } catch (err) {
    return { ...base, name: null, problem: commerceProblem(err).message, messages: [], handoff: null, conversation: null, jobs: [] };
  }
};

type Form = Record<string, string | undefined>;
const read = async (request: Request, keys: string[]): Promise<Form> => {
  const form = await request.formData();
  return Object.fromEntries(keys.map((k) => [k, String(form.get(k) ?? "") || undefined]));
};
const problem = (key: string, err: unknown) => fail(commerceProblem(err).status, { [key]: { message: commerceProblem(err).message } });

export const actions: Actions = {
  draft: async ({ locals, params }) => {
    const { commerce } = requireRole(locals, ALL_STAFF);
    try {
      const draft = await new ConciergeApi(commerce).draft(phoneOf(params.phone));
      return { draft: { body: draft.body, empty: draft.body === "" } };
    } catch (err) {
      return problem("draft", err);
    }
  },

  send: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, ALL_STAFF);
    const raw = await read(request, ["body", "nonce"]);
    const parsed = staffSendSchema().safeParse(raw);
    if (!parsed.success) return fail(400, { send: { body: raw.body ?? "", message: parsed.error.issues.map((i) => i.message).join("; ") } });
    try {
      await sendAsStaff(commerce, phoneOf(params.phone), `staff:${parsed.data.nonce}`, { body: parsed.data.body });
      return { send: { done: true } };
    } catch (err) {
      // WhatsApp allows only an approved template now: say so in commerce's words and offer the templates.
      const refusal = windowRefusal(err);
      if (refusal) return fail(422, { send: { body: parsed.data.body, message: refusal.message, windowClosed: true } });
      return fail(commerceProblem(err).status, { send: { body: parsed.data.body, message: commerceProblem(err).message } });
    }
  },

  /** An approved template through the Cloud API number (the customer's 24 h window is closed). */
  sendTemplate: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, ALL_STAFF);
    const form = await request.formData();
    const nonce = String(form.get("nonce") ?? "");
    const key = String(form.get("template") ?? "");
    const phone = phoneOf(params.phone);
    if (nonce.length < 8) return fail(400, { template: { message: m.inbox_reload_retry() } });
    try {
      const state = await chatCloudState(commerce, []);
      const count = state?.templates.find((t) => `${t.name}|${t.language}` === key)?.param_count ?? 0;
      const chosen = chosenTemplate(state, key, paramsFromForm(form, count));
      if (!state || !chosen) return fail(400, { template: { message: m.cloud_inbox_choose_template() } });
      if (chosen.params.some((p) => !p)) return fail(400, { template: { message: m.cloud_inbox_fill_params(), key } });
      await sendAsStaff(commerce, phone, `staff:tpl:${nonce}`, { body: chosen.body, template: { name: chosen.name, language: chosen.language, params: chosen.params }, session_id: state.session_id });
      return { template: { done: m.cloud_inbox_template_sent({ name: chosen.name }) } };
    } catch (err) {
      return fail(commerceProblem(err).status, { template: { message: windowRefusal(err)?.message ?? commerceProblem(err).message, key } });
    }
  },

  sendJob: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, ALL_STAFF);
    const raw = await read(request, ["job_id", "nonce", "what"]);
    const parsed = jobActionSchema().safeParse(raw);
    const what = raw.what;
    if (!parsed.success || (what !== "diagnosis" && what !== "price" && what !== "photos")) return fail(400, { job: { message: m.inbox_choose_job_and_what() } });
    const phone = phoneOf(params.phone);
    try {
      const job = await commerce.getRepairJob(parsed.data.job_id);
      const key = `staff:${what}:${job.id}:${parsed.data.nonce}`;
      if (what === "photos") {
        const photos = job.photos ?? [];
        if (photos.length === 0) return fail(400, { job: { message: m.inbox_no_photos({ number: job.job_number }) } });
        for (const [i, p] of photos.entries()) {
          await sendAsStaff(commerce, phone, `${key}:${i}`, { body: p.caption ?? `Job ${job.job_number}`, media: { url: p.url, mimetype: p.mime_type, caption: p.caption ?? undefined } }, job.job_number);
        }
        return { job: { done: m.inbox_sent_photos({ count: photos.length, number: job.job_number }) } };
      }
      const billing = what === "price" ? await commerce.getRepairBilling(job.id) : null;
      const body = jobMessage(what, job, billing);
      if (!body) return fail(400, { job: { message: what === "diagnosis" ? m.inbox_no_diagnosis({ number: job.job_number }) : m.inbox_no_priced_lines({ number: job.job_number }) } });
      await sendAsStaff(commerce, phone, key, { body }, job.job_number);
      return { job: { done: what === "diagnosis" ? m.inbox_sent_diagnosis({ number: job.job_number }) : m.inbox_sent_price({ number: job.job_number }) } };
    } catch (err) {
      return problem("job", err);
    }
  },

  /** The repair desk's quote route: freezes the lines and the quote flow sends it on WhatsApp. */
  sendQuote: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, ALL_STAFF);
    const parsed = jobActionSchema().safeParse(await read(request, ["job_id", "nonce"]));
    if (!parsed.success) return fail(400, { job: { message: m.inbox_which_job() } });
    try {
      await commerce.sendRepairQuote(parsed.data.job_id);
      return { job: { done: m.inbox_quote_sent() } };
    } catch (err) {
      return problem("job", err);
    }
  },

  status: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, ALL_STAFF);
    const raw = await read(request, ["job_id", "status"]);
    const status = repairStatusSchema.safeParse(raw.status);
    if (!raw.job_id || !status.success) return fail(400, { job: { message: m.inbox_choose_new_status() } });
    try {
      const job = await commerce.changeRepairJobStatus(raw.job_id, { status: status.data, note: "Changed from the WhatsApp inbox" });
      return { job: { done: m.inbox_now_status({ number: job.job_number, status: REPAIR_STATUS_LABELS[job.status] }) } };
    } catch (err) {
      return problem("job", err);
    }
  },

  /** Completing a job creates its invoice (repair desk hook); the customer gets the number and total. */
  invoice: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, ALL_STAFF);
    const parsed = jobActionSchema().safeParse(await read(request, ["job_id", "nonce"]));
    if (!parsed.success) return fail(400, { job: { message: m.inbox_which_job() } });
    try {
      let job = await commerce.getRepairJob(parsed.data.job_id);
      if (job.status === "in_progress") job = await commerce.changeRepairJobStatus(job.id, { status: "completed", note: "Completed from the WhatsApp inbox" });
      const body = jobMessage("invoice", job, await commerce.getRepairBilling(job.id));
      if (!body) return fail(409, { job: { message: m.inbox_no_invoice({ number: job.job_number, status: REPAIR_STATUS_LABELS[job.status] }) } });
      await sendAsStaff(commerce, phoneOf(params.phone), `staff:invoice:${job.id}`, { body }, job.job_number);
      return { job: { done: m.inbox_invoice_sent({ number: job.job_number }) } };
    } catch (err) {
      return problem("job", err);
    }
  },

  claim: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, ALL_STAFF);
    const id = (await read(request, ["handoff_id"])).handoff_id;
    if (!id) return fail(400, { handoff: { message: m.inbox_which_handoff() } });
    try {
      await new ConciergeApi(commerce).claimHandoff(id);
      return { handoff: { done: m.inbox_you_have_chat() } };
    } catch (err) {
      return problem("handoff", err);
    }
  },

  close: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, ALL_STAFF);
    const id = (await read(request, ["handoff_id"])).handoff_id;
    if (!id) return fail(400, { handoff: { message: m.inbox_which_handoff() } });
    try {
      await new ConciergeApi(commerce).closeHandoff(id);
      return { handoff: { done: m.inbox_handoff_closed() } };
    } catch (err) {
      return problem("handoff", err);
    }
  },
};
