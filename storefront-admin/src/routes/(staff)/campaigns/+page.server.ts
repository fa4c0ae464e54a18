import { CAMPAIGN_STATUSES, type Campaign, type CampaignStatus } from "@voltura/contracts";
import { campaignsFor } from "$lib/campaigns/server";
import { commerceProblem } from "$lib/server/commerce";
import { formatDateTime } from "$lib/i18n/format";
import { m } from "$lib/paraglide/messages.js";
import type { PageServerLoad } from "./$types";

function scheduleText(c: Campaign): string {
  const s = c.schedule;
  if (s.kind === "now") return m.campaigns_when_launched();
  if (s.kind === "at") return formatDateTime(s.at);
  const every = s.every === "day" ? m.campaigns_every_day() : s.every === "week" ? m.campaigns_every_week() : m.campaigns_every_month();
  return m.campaigns_every_at({ every, at: s.at });
}

export const load: PageServerLoad = async ({ locals, url, depends }) => {
  depends("live:campaign");
  const { api } = campaignsFor(locals);
  const raw = url.searchParams.get("status");
  const status = (CAMPAIGN_STATUSES as readonly string[]).includes(raw ?? "") ? (raw as CampaignStatus) : undefined;
  const q = url.searchParams.get("q")?.trim().slice(0, 100) || undefined;
  const before = url.searchParams.get("before") ?? undefined;
  try {
    const page = await api.list({ status, q, before, limit: 25 });
    const params = new URLSearchParams();
    if (status) params.set("status", status);
    if (q) params.set("q", q);
    if (page.next_cursor) params.set("before", page.next_cursor);
    return {
      status: status ?? null,
      q: q ?? "",
      statusCounts: page.status_counts,
      nextHref: page.next_cursor ? `/campaigns?${params}` : null,
      campaigns: page.campaigns.map((c) => ({
        id: c.id,
        name: c.name,
        status: c.status,
        needsConfirmation: c.needs_confirmation,
        schedule: scheduleText(c),
        senders: c.session_ids.length,
        total: c.counts.total,
        done: c.counts.sent + c.counts.delivered + c.counts.read + c.counts.failed + c.counts.skipped,
        sent: c.counts.sent + c.counts.delivered + c.counts.read,
        updatedAt: formatDateTime(c.updated_at),
      })),
      problem: null,
    };
  } catch (err) {
    return { status: status ?? null, q: q ?? "", statusCounts: {} as Record<string, number>, nextHref: null, campaigns: [], problem: commerceProblem(err).message };
  }
};
