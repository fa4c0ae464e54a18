import { MANAGERS, REPAIR_DESK, roleAllowed, type RepairStatus } from "@voltura/domain";
import { jobCard } from "$lib/server/job-views";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { jobRow } from "$lib/server/jobs-view";
import type { PageServerLoad } from "./$types";

/** One call (GET /admin/dashboard): counts, recent jobs, SLA breaches (managers and owners), low stock, revenue, new customers. */
export const load: PageServerLoad = async ({ locals }) => {
  const { commerce, staff } = requireRole(locals, REPAIR_DESK);
  const firstName = staff.name.split(" ")[0];
  try {
    const dashboard = await commerce.getDashboard();
    return {
      firstName,
      counts: dashboard.counts,
      total: dashboard.total,
      recent: dashboard.recent.map(jobRow),
      breaches: roleAllowed(staff.role, MANAGERS) && dashboard.sla_breaches
        ? { jobs: dashboard.sla_breaches.jobs.map(jobCard), count: dashboard.sla_breaches.count, problem: null }
        : null,
      lowStock: dashboard.low_stock_count,
      revenue: dashboard.revenue ?? null,
      newCustomers: dashboard.new_customers,
      problem: null,
    };
  } catch (err) {
    const empty: { status: RepairStatus; count: number }[] = [];
    return { firstName, counts: empty, total: 0, recent: [], breaches: null, lowStock: 0, revenue: null, newCustomers: null, problem: commerceProblem(err).message };
  }
};
