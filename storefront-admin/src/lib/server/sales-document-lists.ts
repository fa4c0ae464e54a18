import { toSafeCsv, type CsvCell } from "@voltura/domain";
import { INVOICE_KINDS, QUOTATION_STATUSES, type InvoiceKind, type Quotation, type SalesInvoice } from "@voltura/contracts";
import { InvoicingApi, type CommerceClient } from "@voltura/medusa-client";
import { parsePage, parseSort, sortParam } from "$lib/components/data-table/url-state";
import { INVOICE_STATUS_LABELS, QUOTATION_STATUS_LABELS } from "$lib/sales/labels";
import { shopDateTimeForCsv } from "./customers-csv";

const INVOICE_STATUSES = ["unpaid", "partially_paid", "paid"] as const;

import type { SalesListView } from "$lib/sales/list-view";

export type { SalesListView };

function parseView(p: URLSearchParams, statuses: readonly string[], sortKeys: readonly string[]): SalesListView {
  const status = p.get("status") ?? "";
  const sort = p.get("sort");
  return {
    q: p.get("q")?.trim().slice(0, 100) ?? "",
    status: statuses.includes(status) ? status : "",
    // No sort: newest created first (commerce's default).
    sort: sort ? parseSort(sort, sortKeys, "-number") : null,
    page: parsePage(p.get("page")),
  };
}

export const parseQuotationsView = (p: URLSearchParams) => parseView(p, QUOTATION_STATUSES, ["number"]);
/** The Invoices page also filters by kind: repair (a job's) or direct. */
export interface InvoicesListView extends SalesListView {
  kind: InvoiceKind | "";
}

export function parseInvoicesView(p: URLSearchParams): InvoicesListView {
  const kind = p.get("kind") ?? "";
  return { ...parseView(p, INVOICE_STATUSES, ["number", "issued_at"]), kind: (INVOICE_KINDS as readonly string[]).includes(kind) ? (kind as InvoiceKind) : "" };
}


function listQuery(view: SalesListView, window: { limit: number; offset: number }) {
  return { ...(view.status ? { status: view.status } : {}), ...(view.q ? { q: view.q } : {}), ...(view.sort ? { sort: sortParam(view.sort) } : {}), ...window };
}

export const listQuotationsPage = (commerce: CommerceClient, view: SalesListView, window: { limit: number; offset: number }) =>
  new InvoicingApi(commerce).listQuotations(listQuery(view, window) as Parameters<InvoicingApi["listQuotations"]>[0]);
/** The Invoices page: repair and direct invoices in one list. */
export const listInvoicesPage = (commerce: CommerceClient, view: InvoicesListView, window: { limit: number; offset: number }) =>
  new InvoicingApi(commerce).listAllInvoices({ ...listQuery(view, window), ...(view.kind ? { kind: view.kind } : {}) } as Parameters<InvoicingApi["listAllInvoices"]>[0]);
/** The invoices CSV: direct invoices, with their buyers, payments and balances. */
const listDirectInvoices = (commerce: CommerceClient, view: SalesListView, window: { limit: number; offset: number }) =>
  new InvoicingApi(commerce).listInvoices(listQuery(view, window) as Parameters<InvoicingApi["listInvoices"]>[0]);

const BATCH = 200;
const MAX_EXPORTED = 5_000;

async function readAll<T>(page: (window: { limit: number; offset: number }) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  while (all.length < MAX_EXPORTED) {
    const rows = await page({ limit: BATCH, offset: all.length });
    all.push(...rows);
    if (rows.length < BATCH) break;
  }
  return all;
}

export const readAllQuotations = (commerce: CommerceClient, view: SalesListView) =>
  readAll(async (w) => (await listQuotationsPage(commerce, view, w)).quotations);
export const readAllInvoices = (commerce: CommerceClient, view: SalesListView) =>
  readAll(async (w) => (await listDirectInvoices(commerce, view, w)).invoices);

const rm = (sen: number) => (sen / 100).toFixed(2);

export function quotationsCsv(rows: readonly Quotation[]): string {
  const cells: CsvCell[][] = rows.map((q) => [q.quotation_number, q.buyer.name, QUOTATION_STATUS_LABELS[q.status], shopDateTimeForCsv(q.issued_at), shopDateTimeForCsv(q.valid_until), rm(q.total_sen), q.id]);
  return toSafeCsv(["Number", "Buyer", "Status", "Issued", "Valid until", "Total (RM)", "Quotation ID"], cells, { bom: true, crlf: true });
}

export function invoicesCsv(rows: readonly SalesInvoice[]): string {
  const cells: CsvCell[][] = rows.map((i) => [
    i.invoice_number, i.buyer.name, INVOICE_STATUS_LABELS[i.status], shopDateTimeForCsv(i.issued_at), rm(i.total_sen), rm(i.paid_sen), rm(i.balance_sen), i.id,
  ]);
  return toSafeCsv(["Number", "Buyer", "Status", "Issued", "Total (RM)", "Paid (RM)", "Balance (RM)", "Invoice ID"], cells, { bom: true, crlf: true });
}
