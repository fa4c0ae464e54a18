import { auditedCsvDownload } from "$lib/server/audit-events";
import { requireRole } from "$lib/server/guard";
import { parsePosSalesView, posSalesCsv, readAllPosSales } from "$lib/server/pos-sales-list";
import { EXPORTERS } from "$lib/server/route-access";
import type { RequestHandler } from "./$types";

/** GET /pos/sales/export?day=&q=&sort=: the day's matching sales as CSV (owners and managers; audited first). */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, EXPORTERS);
  const view = parsePosSalesView(url.searchParams);
  return auditedCsvDownload(commerce, {
    action: "export.pos_sales",
    entity: "pos_sale",
    filters: { day: view.day, q: view.q, sort: `${view.sort.desc ? "-" : ""}${view.sort.key}` },
    filename: `counter-sales-${view.day}.csv`,
    read: () => readAllPosSales(commerce, view),
    csv: posSalesCsv,
  });
};
