import { MANAGERS } from "@voltura/domain";
import { REPORT_SOURCES, reportFilters, type ReportFilters } from "$lib/reports/filters";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { getReport } from "$lib/server/reports";
import type { PageServerLoad } from "./$types";

export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  const filters: ReportFilters = reportFilters(url.searchParams);
  try {
    return { filters, sources: REPORT_SOURCES, report: await getReport(commerce, filters), problem: null };
  } catch (err) {
    return { filters, sources: REPORT_SOURCES, report: null, problem: commerceProblem(err).message };
  }
};
