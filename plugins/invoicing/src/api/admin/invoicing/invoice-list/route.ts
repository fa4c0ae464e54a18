import { invoiceListQuerySchema, type InvoiceListEntry } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { REPAIR_BILLING_MODULE, type RepairBillingModuleService } from "@voltura/plugin-repair/modules/repair-billing";
import { DEFAULT_INVOICE_SORT, invoiceKindsToRead, invoiceOrder, mergeInvoicePages } from "../../../../domain/invoice-list";
import { INVOICING_READERS } from "../../../../domain/roles";
import { invoicingService } from "../../../../workflows/steps/context";

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * GET /admin/invoicing/invoice-list?kind=repair|direct&status=&q=&sort=&limit=&offset= → both kinds
 * of invoice in one list: repair invoices read through the repair billing module, direct invoices
 * from this plugin's module. Each kind is read in the same order up to the window's end, then merged.
 */
export const GET = staffRoute(INVOICING_READERS, async (req, res) => {
  const query = parseOrThrow(invoiceListQuerySchema, req.query);
  const sort = query.sort ?? DEFAULT_INVOICE_SORT;
  const read = { order: invoiceOrder(sort), take: query.offset + query.limit, skip: 0 };
  const number = query.q ? { invoice_number: { $ilike: `%${query.q}%` } } : {};
  const kinds = invoiceKindsToRead(query);
  const pages: InvoiceListEntry[][] = [];
  let count = 0;
  if (kinds.includes("repair")) {
    const billing = req.scope.resolve<RepairBillingModuleService>(REPAIR_BILLING_MODULE);
    const [rows, total] = await billing.listAndCountRepairInvoices(number, read);
    count += total;
    pages.push(rows.map((r) => ({
      kind: "repair", id: r.id, invoice_number: r.invoice_number, issued_at: iso(r.issued_at), buyer_name: null, total_sen: r.total_sen,
      status: null, balance_sen: null, repair_job_id: r.repair_job_id,
    })));
  }
  if (kinds.includes("direct")) {
    const status = query.status ? { status: query.status.split(",").map((s) => s.trim()) } : {};
    const [rows, total] = await invoicingService(req.scope).listAndCountSalesInvoices({ ...number, ...status }, read);
    count += total;
    pages.push(rows.map((r) => ({
      kind: "direct", id: r.id, invoice_number: r.invoice_number, issued_at: iso(r.issued_at), buyer_name: r.buyer.name, total_sen: r.total_sen,
      status: r.status, balance_sen: r.balance_sen, repair_job_id: null,
    })));
  }
  res.json({ invoices: mergeInvoicePages(pages, sort, query), count });
});
