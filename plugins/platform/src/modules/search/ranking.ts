import { ALL_STAFF, REPAIR_DESK, roleAllowed, type AnyRole } from "@voltura/domain";
import { SEARCH_KINDS, SEARCH_MATCHES, type SearchHit, type SearchKind, type SearchMatch } from "@voltura/contracts";

/**
 * Who may see each kind of hit: the roles of the list route that shows that kind, so the search
 * never reveals what the caller could not list.
 */
/** The counter's lists (catalogue, sales, quotations, invoices): counter staff and service callers; technicians do not sell. */
const COUNTER_READERS: readonly AnyRole[] = ["owner", "manager", "cashier", "system", "integration"];

export const SEARCH_KIND_READERS: Record<SearchKind, readonly AnyRole[]> = {
  /** GET /admin/repair-jobs */
  job: [...REPAIR_DESK, "system", "integration"],
  /** GET /admin/crm/customers */
  customer: ALL_STAFF,
  /** GET /admin/pos/catalogue (counter staff and service callers; technicians do not sell). */
  item: COUNTER_READERS,
  /** GET /admin/invoicing/invoices (repair invoices are found with them: one number series, the counter's work). */
  invoice: COUNTER_READERS,
  /** GET /admin/invoicing/quotations */
  quotation: COUNTER_READERS,
  /** GET /admin/pos/sales */
  receipt: COUNTER_READERS,
  /** GET /admin/concierge/inbox (everyone who works the inbox). */
  chat: [...ALL_STAFF, "system", "integration"],
};

/** Everyone who may read at least one kind. */
export const SEARCH_READERS: readonly AnyRole[] = [...new Set(SEARCH_KINDS.flatMap((kind) => SEARCH_KIND_READERS[kind]))];

/** The kinds asked for (all when none) that `role` may read, in SEARCH_KINDS order. */
export function readableKinds(role: string | null | undefined, requested?: readonly SearchKind[]): SearchKind[] {
  const wanted = new Set(requested?.length ? requested : SEARCH_KINDS);
  return SEARCH_KINDS.filter((kind) => wanted.has(kind) && roleAllowed(role, SEARCH_KIND_READERS[kind]));
}

/** The match of a row's SQL `tier` (0 exact, 1 prefix, 2 text). */
export const tierMatch = (tier: unknown): SearchMatch => (tier === null || tier === undefined ? "text" : (SEARCH_MATCHES[Number(tier)] ?? "text"));

/** 0 for exact, 1 for prefix, 2 for text. */
export const matchRank = (match: SearchMatch): number => SEARCH_MATCHES.indexOf(match);

/** The best match a row has: a whole code / number, else the start of one, else a similar text. */
export function matchOf(flags: { exact: unknown; prefix: unknown }): SearchMatch {
  if (flags.exact === true) return "exact";
  if (flags.prefix === true) return "prefix";
  return "text";
}

/**
 * One list from each kind's hits (each already in its own best-first order): every exact hit
 * before any prefix hit before any text hit; within a match, kinds in SEARCH_KINDS order and
 * each kind's own order. At most `limit`.
 */
export function mergeHits(lists: readonly SearchHit[][], limit: number): SearchHit[] {
  const keyed = lists.flatMap((hits) => hits.map((hit, position) => ({ hit, position })));
  keyed.sort(
    (a, b) =>
      matchRank(a.hit.match) - matchRank(b.hit.match) ||
      SEARCH_KINDS.indexOf(a.hit.kind) - SEARCH_KINDS.indexOf(b.hit.kind) ||
      a.position - b.position,
  );
  const seen = new Set<string>();
  const out: SearchHit[] = [];
  for (const { hit } of keyed) {
    const key = `${hit.kind}:${hit.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(hit);
    if (out.length >= limit) break;
  }
  return out;
}
