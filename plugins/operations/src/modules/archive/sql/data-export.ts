import { rows, type Sql } from "@voltura/medusa-kit";
import type { CustomerScope } from "./customer-scope";
import { tableExists } from "./tables";

/** Internal machinery, not data about the person: left out of an export. */
const INTERNAL_COLUMNS = new Set(["request_hash", "outbox", "lease_until", "claimed_by", "tracking_token", "issue_search", "phone_digits",
  "job_number_key", "customer_name_key", "device_key", "idempotency_key", "raw_stocked_quantity"]);

export interface ExportSource { section: string; table: string; where: string; bindings: (s: CustomerScope) => unknown[] }

const byJob = (section: string, table: string): ExportSource => ({ section, table, where: "repair_job_id = ANY(?::text[])", bindings: (s) => [s.jobIds] });
const bySale = (section: string, table: string): ExportSource => ({ section, table, where: "sale_id = ANY(?::text[])", bindings: (s) => [s.saleIds] });
const byCustomerOrPhone = (section: string, table: string): ExportSource => ({ section, table, where: "customer_id = ? OR (?::text IS NOT NULL AND phone = ?)", bindings: (s) => [s.customerId, s.phone, s.phone] });

/** Everything the shop holds about one customer, table by table, grouped into the export's sections. */
export const EXPORT_SOURCES: readonly ExportSource[] = [
  { section: "Profile", table: "customer", where: "id = ?", bindings: (s) => [s.customerId] },
  { section: "Profile", table: "customer_address", where: "customer_id = ?", bindings: (s) => [s.customerId] },
  { section: "Profile", table: "customer_profile", where: "id = ANY(?::text[])", bindings: (s) => [s.profileIds] },
  { section: "Profile", table: "customer_note", where: "profile_id = ANY(?::text[])", bindings: (s) => [s.profileIds] },
  { section: "Devices", table: "device", where: "id = ANY(?::text[])", bindings: (s) => [s.deviceIds] },
  { section: "Repair jobs", table: "repair_job", where: "id = ANY(?::text[])", bindings: (s) => [s.jobIds] },
  byJob("Job history", "repair_job_status_change"),
  byJob("Job history", "repair_job_event"),
  byJob("Job history", "repair_job_photo"),
  byJob("Job history", "repair_quote"),
  byJob("Job history", "repair_line"),
  byJob("Job history", "repair_warranty"),
  byJob("Invoices and payments", "repair_invoice"),
  byJob("Invoices and payments", "repair_payment"),
  { section: "Invoices and payments", table: "sales_invoice", where: "customer_id = ?", bindings: (s) => [s.customerId] },
  { section: "Invoices and payments", table: "sales_invoice_payment", where: "invoice_id IN (SELECT id FROM public.sales_invoice WHERE customer_id = ?)", bindings: (s) => [s.customerId] },
  { section: "Quotations", table: "quotation", where: "customer_id = ?", bindings: (s) => [s.customerId] },
  { section: "Counter sales", table: "pos_sale", where: "id = ANY(?::text[])", bindings: (s) => [s.saleIds] },
  bySale("Counter sales", "pos_sale_line"),
  bySale("Counter sales", "pos_payment"),
  bySale("Counter sales", "pos_return"),
  byCustomerOrPhone("WhatsApp messages", "whatsapp_message"),
  byCustomerOrPhone("WhatsApp messages", "concierge_conversation"),
  byCustomerOrPhone("WhatsApp messages", "concierge_handoff"),
  byCustomerOrPhone("Consents and opt-outs", "whatsapp_contact"),
  { section: "Consents and opt-outs", table: "campaign_blacklist", where: "?::text IS NOT NULL AND phone = ?", bindings: (s) => [s.phone, s.phone] },
  byCustomerOrPhone("Campaigns", "campaign_recipient"),
];

export interface ExportTable { table: string; archived: boolean; rows: Array<Record<string, unknown>> }
export interface CustomerExport {
  customer_id: string;
  generated_at: string;
  sections: Array<{ title: string; tables: ExportTable[] }>;
  counts: Record<string, number>;
}

const MAX_ROWS_PER_TABLE = 5000;

function clean(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!INTERNAL_COLUMNS.has(k)) out[k] = v instanceof Date ? v.toISOString() : v;
  return out;
}

/** Reads every source in the hot tables and in the archive (ONE read-only snapshot is the caller's choice). */
export async function exportCustomerData(db: Sql, scope: CustomerScope, now = new Date()): Promise<CustomerExport> {
  const sections = new Map<string, ExportTable[]>();
  const counts: Record<string, number> = {};
  for (const source of EXPORT_SOURCES) {
    for (const schema of ["public", "archive"] as const) {
      if (!(await tableExists(db, `${schema}.${source.table}`))) continue;
      const found = (await rows(db, `SELECT * FROM ${schema}."${source.table}" WHERE ${source.where} ORDER BY created_at, id LIMIT ${MAX_ROWS_PER_TABLE}`, source.bindings(scope))).map(clean);
      if (!found.length) continue;
      counts[source.table] = (counts[source.table] ?? 0) + found.length;
      const list = sections.get(source.section) ?? [];
      list.push({ table: source.table, archived: schema === "archive", rows: found });
      sections.set(source.section, list);
    }
  }
  return { customer_id: scope.customerId, generated_at: now.toISOString(), sections: [...sections].map(([title, tables]) => ({ title, tables })), counts };
}
