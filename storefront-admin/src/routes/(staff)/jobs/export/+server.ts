import { auditedCsvDownload } from "$lib/server/audit-events";
import { requireRole } from "$lib/server/guard";
import { jobsCsv, jobsCsvFilename, parseJobsView, readAllJobs } from "$lib/server/jobs-list";
import { EXPORTERS } from "$lib/server/route-access";
import type { RequestHandler } from "./$types";

/**
 * GET /jobs/export?<the list's filters and sort>: the matching jobs as CSV in the list's order (at
 * most 5,000). Owners and managers only; written to the audit trail first (no audit row, no file).
 */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, EXPORTERS);
  const view = parseJobsView(url.searchParams);
  const { page: _page, sort, ...filters } = view;
  return auditedCsvDownload(commerce, {
    action: "export.jobs",
    entity: "repair_job",
    filters: { ...filters, sort: `${sort.desc ? "-" : ""}${sort.key}` },
    filename: jobsCsvFilename(),
    read: () => readAllJobs(commerce, view),
    csv: jobsCsv,
  });
};
