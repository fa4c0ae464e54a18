import { auditedCsvDownload } from "$lib/server/audit-events";
import { requireRole } from "$lib/server/guard";
import { EXPORTERS } from "$lib/server/route-access";
import { parseQuotationsView, quotationsCsv, readAllQuotations } from "$lib/server/sales-document-lists";
import { shopToday } from "$lib/pos/shop-day";
import type { RequestHandler } from "./$types";

/** GET /invoicing/quotations/export?q=&status=&sort=: the matching quotations as CSV (owners and managers; audited first). */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, EXPORTERS);
  const view = parseQuotationsView(url.searchParams);
  return auditedCsvDownload(commerce, {
    action: "export.quotations",
    entity: "quotation",
    filters: { q: view.q, status: view.status, sort: view.sort ? `${view.sort.desc ? "-" : ""}${view.sort.key}` : null },
    filename: `quotations-${shopToday()}.csv`,
    read: () => readAllQuotations(commerce, view),
    csv: quotationsCsv,
  });
};
