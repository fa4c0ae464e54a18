import { activityTypeSchema, activityTypesFor, MANAGERS, REPAIR_DESK, roleAllowed, type RepairStatus } from "@voltura/domain";
import type { ActivityPage, Dashboard } from "@voltura/contracts";
import { activityHref, activityVerb } from "$lib/components/dashboard/activity";
import { dashboardVersion } from "$lib/components/dashboard/view";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { jobCard } from "$lib/server/job-views";
import { jobRow } from "$lib/server/jobs-view";
import type { PageServerLoad } from "./$types";

/** The topics the dashboard shows: a live change to any of them reloads it (src/lib/live). */
const LIVE_TOPICS = ["live:job", "live:sale", "live:stock", "live:customer", "live:handoff", "live:quotation", "live:audit"];

const positiveInt = (value: string | null) => (value && /^\d{1,15}$/.test(value) && Number(value) > 0 ? Number(value) : undefined);

function shopView(dashboard: Dashboard, managerial: boolean) {
  return {
    counts: dashboard.counts,
    total: dashboard.total,
    recent: dashboard.recent.map(jobRow),
    breaches: managerial && dashboard.sla_breaches
      ? { jobs: dashboard.sla_breaches.jobs.map(jobCard), count: dashboard.sla_breaches.count, problem: null }
      : null,
    lowStockCount: dashboard.low_stock_count,
    lowStock: dashboard.low_stock ?? null,
    revenue: dashboard.revenue ?? null,
    newCustomers: dashboard.new_customers,
    quotes: dashboard.quotes_awaiting ?? null,
    handoffs: dashboard.handoffs ?? null,
    bench: dashboard.bench ? { ...dashboard.bench, jobs: dashboard.bench.jobs.map(jobCard) } : null,
    counter: dashboard.counter
      ? { ...dashboard.counter, ready: { count: dashboard.counter.ready_for_pickup.count, jobs: dashboard.counter.ready_for_pickup.jobs.map(jobCard) } }
      : null,
  };
}

function activityView(page: ActivityPage) {
  return {
    items: page.items.map((item) => ({ ...item, href: activityHref(item), verb: activityVerb(item) })),
    nextBefore: page.next_before,
    types: page.types,
  };
}

/**
 * Two calls at once: GET /admin/dashboard (each role's own sections) and GET /admin/activity (the
 * feed, filtered by `?activity=<type>`, paged by `?before=<seq>`).
 */
export const load: PageServerLoad = async ({ locals, url, depends }) => {
  depends(...LIVE_TOPICS);
  const { commerce, staff } = requireRole(locals, REPAIR_DESK);
  const asked = activityTypeSchema.safeParse(url.searchParams.get("activity") ?? undefined);
  // A type this role may not read (an old link, another role's bookmark) falls back to all of theirs.
  const activityType = asked.success && asked.data && activityTypesFor(staff.role).includes(asked.data) ? asked.data : undefined;
  const before = positiveInt(url.searchParams.get("before"));
  const [dashboard, activity] = await Promise.allSettled([
    commerce.getDashboard(),
    commerce.getActivity({ type: activityType, limit: 15, before }),
  ]);
  const base = {
    firstName: staff.name.split(" ")[0] ?? staff.name,
    version: dashboardVersion(staff.role),
    activityType: activityType ?? null,
    activityBefore: before ?? null,
    activity: activity.status === "fulfilled" ? activityView(activity.value) : null,
    activityProblem: activity.status === "rejected" ? commerceProblem(activity.reason).message : null,
  };
  if (dashboard.status === "fulfilled") return { ...base, ...shopView(dashboard.value, roleAllowed(staff.role, MANAGERS)), day: dashboard.value.day, problem: null };
  const empty: { status: RepairStatus; count: number; estimated?: boolean }[] = [];
  return {
    ...base, counts: empty, total: 0, recent: [], breaches: null, lowStockCount: 0, lowStock: null, revenue: null, newCustomers: null, quotes: null,
    handoffs: null, bench: null, counter: null, day: null, problem: commerceProblem(dashboard.reason).message,
  };
};
