import { auditedCsvDownload } from "$lib/server/audit-events";
import { requireRole } from "$lib/server/guard";
import { EXPORTERS } from "$lib/server/route-access";
import { parseInvoicesView, invoicesCsv, readAllInvoices } from "$lib/server/sales-document-lists";
import { shopToday } from "$lib/pos/shop-day";
import type { RequestHandler } from "./$types";

/** GET /invoicing/invoices/export?q=&status=&sort=: the matching invoices as CSV (owners and managers; audited first). */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, EXPORTERS);
  const view = parseInvoicesView(url.searchParams);
  return auditedCsvDownload(commerce, {
    action: "export.invoices",
    entity: "sales_invoice",
    filters: { q: view.q, status: view.status, sort: view.sort ? `${view.sort.desc ? "-" : ""}${view.sort.key}` : null },
    filename: `invoices-${shopToday()}.csv`,
    read: () => readAllInvoices(commerce, view),
    csv: invoicesCsv,
  });
};
