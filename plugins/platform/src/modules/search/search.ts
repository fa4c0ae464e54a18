import { formatPhoneForDisplay } from "@voltura/domain";
import { rows, type Sql, type SqlRow } from "@voltura/medusa-kit";
import type { SearchHit, SearchKind } from "@voltura/contracts";
import { customerSearchStatements, type CustomerSearchInput } from "./customer-sql";
import { itemSearchStatement, itemTitle, type ItemSearchInput } from "./item-sql";
import { searchJobs } from "./job-sql";
import { mergeHits, tierMatch } from "./ranking";
import { chatHits, invoiceHits, quotationHits, receiptHits } from "./record-hits";
import { cappedCount, EXACT_COUNT_LIMIT } from "./sql-part";

/**
 * The one search: GET /admin/search, the customer list and the intake typeahead (plugins/crm), and
 * the counter's item search (plugins/pos) all call these, so every box ranks the same way.
 */

export interface CustomerRow extends SqlRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  email: string | null;
  phone: string | null;
  tier: number;
}

/**
 * One page of customers, best match first (then the list's order), and how many match (exact up to
 * 1,000, else estimated). A search counts first: how many match decides how its page is read.
 */
export async function searchCustomers(db: Sql, input: CustomerSearchInput): Promise<{ rows: CustomerRow[]; count: number; estimated: boolean }> {
  const { count, estimate } = customerSearchStatements(input);
  if (input.q?.trim()) {
    const counted = await cappedCount(db, count, estimate);
    return { rows: await customerPage(db, { ...input, dense: counted.count > EXACT_COUNT_LIMIT }), ...counted };
  }
  const [found, counted] = await Promise.all([customerPage(db, input), cappedCount(db, count, estimate)]);
  return { rows: found, ...counted };
}

async function customerPage(db: Sql, input: CustomerSearchInput): Promise<CustomerRow[]> {
  const { page, neverVisited } = customerSearchStatements(input);
  const found = (await rows(db, page.sql, page.bindings)) as CustomerRow[];
  if (!neverVisited || found.length >= input.limit) return found;
  // The visited ran out on this page: the never-visited continue it.
  let skip = 0;
  if (!found.length && input.offset > 0) {
    const [visited] = await rows(db, neverVisited.visitedBefore.sql, neverVisited.visitedBefore.bindings);
    skip = input.offset - Number(visited?.n ?? 0);
  }
  const rest = neverVisited.page(skip, input.limit - found.length);
  return [...found, ...((await rows(db, rest.sql, rest.bindings)) as CustomerRow[])];
}

export interface ItemRow extends SqlRow {
  id: string;
  product_id: string;
  product_title: string | null;
  variant_title: string | null;
  sku: string | null;
  barcode: string | null;
  tier: number;
}

/** Variants for a counter search, exact code first, then code prefix, then names. */
export async function searchItems(db: Sql, input: ItemSearchInput): Promise<ItemRow[]> {
  const statement = itemSearchStatement(input);
  return statement ? ((await rows(db, statement.sql, statement.bindings)) as ItemRow[]) : [];
}

function customerTitle(row: CustomerRow): string {
  const name = [row.first_name, row.last_name].filter(Boolean).join(" ").trim();
  return name || row.company_name || row.email || row.phone || "Customer";
}

async function customerHits(db: Sql, q: string, limit: number): Promise<SearchHit[]> {
  const { rows: found } = await searchCustomers(db, { q, order: "-created_at", limit, offset: 0 });
  return found.map((row) => ({
    kind: "customer" as const,
    id: row.id,
    title: customerTitle(row),
    subtitle: [row.phone ? formatPhoneForDisplay(row.phone) : null, row.email].filter(Boolean).join(" · ") || null,
    match: tierMatch(row.tier),
  }));
}

/** Items, each with the inventory item whose page shows its stock (none for a service). */
async function itemHits(db: Sql, q: string, limit: number): Promise<SearchHit[]> {
  const found = await searchItems(db, { q, limit });
  const stocked = found.length
    ? await rows(db, `SELECT variant_id, inventory_item_id FROM product_variant_inventory_item WHERE variant_id = ANY(?) AND deleted_at IS NULL`, [found.map((row) => row.id)])
    : [];
  const inventoryItem = new Map(stocked.map((r) => [String(r.variant_id), String(r.inventory_item_id)]));
  return found.map((row) => ({
    kind: "item" as const,
    id: row.id,
    title: itemTitle(row),
    subtitle: [row.sku, row.barcode].filter(Boolean).join(" · ") || null,
    match: tierMatch(row.tier),
    page_id: inventoryItem.get(row.id) ?? null,
  }));
}

/**
 * Every kind asked for, each on its own indexes, merged: exact hits first. With several kinds each
 * reads its share of the limit (rounded up), so one kind's many name matches leave room for the others.
 */
export async function searchEverything(db: Sql, input: { q: string; kinds: readonly SearchKind[]; limit: number }): Promise<SearchHit[]> {
  const each = Math.ceil(input.limit / Math.max(1, input.kinds.length));
  const runs: Record<SearchKind, () => Promise<SearchHit[]>> = {
    job: () => searchJobs(db, input.q, each),
    customer: () => customerHits(db, input.q, each),
    item: () => itemHits(db, input.q, each),
    invoice: () => invoiceHits(db, input.q, each),
    quotation: () => quotationHits(db, input.q, each),
    receipt: () => receiptHits(db, input.q, each),
    chat: () => chatHits(db, input.q, each),
  };
  const lists = await Promise.all(input.kinds.map((kind) => runs[kind]()));
  return mergeHits(lists, input.limit);
}
