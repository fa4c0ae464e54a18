import { fail, redirect } from "@sveltejs/kit";
import { formatDateTime as formatShopTime } from "$lib/i18n/format";
import { CAMPAIGN_ACTIONS, CAMPAIGN_RECIPIENT_STATUSES, type CampaignAction, type CampaignRecipientStatus } from "@voltura/contracts";
import { getCampaignAnalytics, listCampaignRecipients } from "@voltura/medusa-client";
import { z } from "zod";
import { emergencyStopState, forgetEmergencyStopState } from "$lib/campaigns/emergency.server";
import { CAMPAIGN_STATUS_LABELS } from "$lib/campaigns/labels";
import { campaignDetailOrError, campaignsFor } from "$lib/campaigns/server";
import { m } from "$lib/paraglide/messages.js";
import { commerceProblem } from "$lib/server/commerce";
import type { Actions, PageServerLoad } from "./$types";

const when = (iso: string | null) => (iso ? formatShopTime(iso) : null);

export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
  depends("live:campaign"); // progress, status and the emergency stop follow live changes
  const { api, commerce, staff } = campaignsFor(locals);
  const detail = await campaignDetailOrError(api, params.id);
  const raw = url.searchParams.get("status");
  const status = (CAMPAIGN_RECIPIENT_STATUSES as readonly string[]).includes(raw ?? "") ? (raw as CampaignRecipientStatus) : undefined;
  const after = url.searchParams.get("after") ?? undefined;
  const [analytics, recipients, stop] = await Promise.all([
    getCampaignAnalytics(commerce, params.id).catch((err: unknown) => ({ problem: commerceProblem(err).message })),
    listCampaignRecipients(commerce, params.id, { status, after, limit: 50 }).catch((err: unknown) => ({ problem: commerceProblem(err).message })),
    emergencyStopState(commerce),
  ]);
  const c = detail.campaign;
  const nextParams = new URLSearchParams();
  if (status) nextParams.set("status", status);
  return {
    campaign: {
      ...c,
      launchedAt: when(c.launched_at),
      completedAt: when(c.completed_at),
      nextRunAt: when(c.next_run_at),
      createdAt: when(c.created_at),
    },
    events: detail.events.map((e) => ({ ...e, at: formatShopTime(e.created_at) })),
    listEntries: detail.list_entries,
    analytics: "problem" in analytics ? null : { ...analytics, etaText: when(analytics.eta) },
    analyticsProblem: "problem" in analytics ? analytics.problem : null,
    recipients:
      "problem" in recipients
        ? null
        : {
            rows: recipients.recipients.map((r) => ({ ...r, sentAt: when(r.sent_at), readAt: when(r.read_at) })),
            count: recipients.count,
            estimated: recipients.count_estimated,
            nextHref: recipients.next_cursor ? `/campaigns/${encodeURIComponent(c.id)}?${new URLSearchParams([...nextParams, ["after", recipients.next_cursor]])}#recipients` : null,
            firstHref: after ? `/campaigns/${encodeURIComponent(c.id)}?${nextParams}#recipients` : null,
          },
    recipientsProblem: "problem" in recipients ? recipients.problem : null,
    recipientStatus: status ?? null,
    emergency: stop ? { stopped: stop.stopped, running: stop.running_campaigns, stoppedBy: stop.stopped_by_name } : null,
    canRelease: staff.role === "owner" || staff.role === "manager",
    saved: url.searchParams.has("saved"),
  };
};

const actSchema = z.object({
  action: z.enum(CAMPAIGN_ACTIONS),
  reason: z.string().trim().max(500).optional(),
  fire: z.enum(["yes", "no"]).optional(),
});
const previewSchema = z.object({
  target: z.string().trim().max(100).optional(),
  language: z.enum(["ms", "en", ""]).optional(),
});
const testSchema = z.object({ phone: z.string().trim().max(32).optional() });

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" && v.trim() ? v : undefined;
};

/** A preview target as typed: a recipient id (crcp_…), a customer id (cus_…) or a phone number. */
function previewTarget(target: string | undefined) {
  if (!target) return {};
  if (target.startsWith("crcp_")) return { recipient_id: target };
  if (target.startsWith("cus_")) return { customer_id: target };
  return { phone: target };
}

export const actions: Actions = {
  act: async ({ locals, params, request }) => {
    const { api } = campaignsFor(locals);
    const form = await request.formData();
    const parsed = actSchema.safeParse({ action: field(form, "action"), reason: field(form, "reason"), fire: field(form, "fire") });
    if (!parsed.success) return fail(400, { act: { message: m.campaigns_which_action() } });
    const action: CampaignAction = parsed.data.action;
    try {
      const body = { reason: parsed.data.reason, ...(action === "confirm" ? { fire: parsed.data.fire !== "no" } : {}) };
      const campaign = await api.act(params.id, action, body);
      // The header's stop button shows while a campaign runs: a launch, pause or cancel changes that now.
      forgetEmergencyStopState();
      return { act: { done: m.campaigns_now_status({ status: CAMPAIGN_STATUS_LABELS[campaign.status] }) } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { act: { message: problem.message } });
    }
  },
  remove: async ({ locals, params }) => {
    const { api } = campaignsFor(locals);
    try {
      await api.remove(params.id);
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { act: { message: problem.message } });
    }
    redirect(303, "/campaigns?status=cancelled");
  },
  preview: async ({ locals, params, request }) => {
    const { api } = campaignsFor(locals);
    const form = await request.formData();
    const parsed = previewSchema.safeParse({ target: field(form, "target"), language: field(form, "language") });
    if (!parsed.success) return fail(400, { preview: { message: m.campaigns_check_recipient(), target: "" } });
    try {
      const language = parsed.data.language || undefined;
      const preview = await api.preview(params.id, { ...previewTarget(parsed.data.target), language });
      return { preview: { result: preview, target: parsed.data.target ?? "" } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { preview: { message: problem.message, target: parsed.data.target ?? "" } });
    }
  },
  test: async ({ locals, params, request }) => {
    const { api } = campaignsFor(locals);
    const form = await request.formData();
    const parsed = testSchema.safeParse({ phone: field(form, "phone") });
    if (!parsed.success) return fail(400, { test: { message: m.campaigns_check_phone() } });
    try {
      const sent = await api.testSend(params.id, { phone: parsed.data.phone });
      return { test: { done: m.campaigns_test_sent({ to: sent.to, status: sent.status }), text: sent.text } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { test: { message: problem.message } });
    }
  },
  import: async ({ locals, params, request }) => {
    const { api } = campaignsFor(locals);
    const form = await request.formData();
    const file = form.get("csv_file");
    const csv = file instanceof File && file.size > 0 ? await file.text() : (field(form, "csv") ?? "");
    if (!csv.trim()) return fail(400, { import: { message: m.campaigns_import_needs_csv() } });
    try {
      const result = await api.importAudience(params.id, { csv, append: form.get("append") === "on" });
      return { import: { result } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { import: { message: problem.message } });
    }
  },
};
