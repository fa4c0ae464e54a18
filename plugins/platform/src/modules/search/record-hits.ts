import { formatPhoneForDisplay } from "@voltura/domain";
import { rows, type Sql, type SqlRow } from "@voltura/medusa-kit";
import type { SearchHit, SearchKind } from "@voltura/contracts";
import { RECORD_SOURCES, recordSearchStatement, type RecordSource } from "./record-sql";
import { tierMatch } from "./ranking";

/**
 * Hits of the palette's records: invoices (repair and sales), quotations, counter receipts, WhatsApp
 * chats. Titles and subtitles carry data only (numbers, names, phones): the console names the kinds.
 */

interface RecordRow extends SqlRow {
  id: string;
  number: string | null;
  customer_name: string | null;
  customer_phone: string | null;
  company_name?: string | null;
  page_id: string | null;
  detail: string | null;
  status: string | null;
  at: Date | string | null;
  tier: number;
}

async function read(db: Sql, source: RecordSource, q: string, limit: number): Promise<RecordRow[]> {
  const statement = recordSearchStatement(source, q, limit);
  return statement ? ((await rows(db, statement.sql, statement.bindings)) as RecordRow[]) : [];
}

const phoneShown = (phone: string | null) => {
  if (!phone) return null;
  try {
    return formatPhoneForDisplay(phone);
  } catch {
    return phone;
  }
};
const joined = (...parts: Array<string | null | undefined>) => parts.filter(Boolean).join(" · ") || null;
const time = (at: RecordRow["at"]) => (at ? new Date(at).getTime() : 0);

function hit(kind: SearchKind, row: RecordRow, title: string, subtitle: string | null): SearchHit {
  return { kind, id: row.id, title, subtitle, match: tierMatch(row.tier), page_id: row.page_id };
}

/** Repair and sales invoices share one number series: both tables, best tier first, then newest. */
export async function invoiceHits(db: Sql, q: string, limit: number): Promise<SearchHit[]> {
  const [repair, sales] = await Promise.all([
    read(db, RECORD_SOURCES.repairInvoice, q, limit),
    read(db, RECORD_SOURCES.salesInvoice, q, limit),
  ]);
  const both = [...repair.map((row) => ({ row, repair: true })), ...sales.map((row) => ({ row, repair: false }))];
  both.sort((a, b) => a.row.tier - b.row.tier || time(b.row.at) - time(a.row.at));
  return both.slice(0, limit).map(({ row, repair }) =>
    hit("invoice", row, String(row.number), joined(row.customer_name, phoneShown(row.customer_phone), repair ? row.detail : null)),
  );
}

export async function quotationHits(db: Sql, q: string, limit: number): Promise<SearchHit[]> {
  const found = await read(db, RECORD_SOURCES.quotation, q, limit);
  return found.map((row) => hit("quotation", row, String(row.number), joined(row.customer_name, phoneShown(row.customer_phone))));
}

export async function receiptHits(db: Sql, q: string, limit: number): Promise<SearchHit[]> {
  const found = await read(db, RECORD_SOURCES.receipt, q, limit);
  return found.map((row) => hit("receipt", row, String(row.number), joined(row.customer_name, phoneShown(row.customer_phone))));
}

/** A chat is named by its customer (or company) when it has one, else by its phone. */
export async function chatHits(db: Sql, q: string, limit: number): Promise<SearchHit[]> {
  const found = await read(db, RECORD_SOURCES.chat, q, limit);
  return found.map((row) => {
    const phone = phoneShown(row.customer_phone) ?? row.id;
    const name = row.customer_name || row.company_name;
    return hit("chat", row, name || phone, name ? phone : null);
  });
}
