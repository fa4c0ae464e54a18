import type { CustomerType } from "@voltura/domain";
import { customerTerms, type CustomerTerms } from "./terms";
import { allOf, anyOf, EXACT_COUNT_LIMIT, type SqlPart } from "./sql-part";

/**
 * Customer search and list as SQL over Medusa's `customer` table and the CRM profile / device
 * links, every condition one an expression index of search/indexes.ts (or of the CRM profile)
 * answers. The customer list, the intake typeahead and GET /admin/search all run these statements.
 */

/** The phone's digits only ("+60 12-345 6789" → "60123456789"); indexed by trigram and by "C" btree. */
export const phoneKey = (alias: string) => `regexp_replace(${alias}phone, '[^0-9]', '', 'g')`;
const phoneKeyC = (alias: string) => `(${phoneKey(alias)} COLLATE "C")`;
/** Name, company and email lower case without accents (repair_search_key is the IMMUTABLE unaccent). */
export const nameKey = (alias: string) =>
  `public.repair_search_key(coalesce(${alias}first_name, '') || ' ' || coalesce(${alias}last_name, '') || ' ' || coalesce(${alias}company_name, '') || ' ' || coalesce(${alias}email, ''))`;

/**
 * Each match condition is read in list order up to this many rows (plus every exact hit), then
 * ranked: small enough that a broad entry ("tan", "012") walks the sort's index instead of
 * collecting and sorting every match.
 */
export const CUSTOMER_RANK_WINDOW = 100;

export interface CustomerFilters {
  customer_type?: CustomerType;
  tag?: string;
  device_type?: string;
  last_visit_before?: Date;
  last_visit_after?: Date;
}

/** The list's sorts, and the typeahead's (phone number order). */
export type CustomerOrder = "name" | "-name" | "created_at" | "-created_at" | "last_visit_at" | "-last_visit_at" | "phone";

export interface CustomerSearchInput {
  q?: string;
  filters?: CustomerFilters;
  order: CustomerOrder;
  limit: number;
  offset: number;
  /** False for the typeahead: only whole numbers and numbers starting with the digits, no digits in the middle. */
  phoneContains?: boolean;
  /** Matches of each condition ranked per page, newest in list order (CUSTOMER_RANK_WINDOW unless given). */
  window?: number;
  /**
   * More than EXACT_COUNT_LIMIT rows match: each condition is read by walking the sort's index up to
   * the window. Otherwise every match is collected through the search indexes and sorted, so a rare
   * entry never walks the whole sort index looking for matches that are not there.
   */
  dense?: boolean;
}

const WITH_PROFILE = `customer c
  LEFT JOIN customer_customer_crm_customer_profile cl ON cl.customer_id = c.id AND cl.deleted_at IS NULL
  LEFT JOIN customer_profile p ON p.id = cl.customer_profile_id AND p.deleted_at IS NULL`;
const COLUMNS = `c.id, c.first_name, c.last_name, c.company_name, c.email, c.phone, c.created_at,
  ${phoneKey("c.")} AS phone_key, ${nameKey("c.")} AS name_key`;

/** The conditions of the list's filters, and whether they read the CRM profile (then it is joined). */
export function filterConditions(filters: CustomerFilters = {}): SqlPart & { profile: boolean } {
  const parts: SqlPart[] = [{ sql: "c.deleted_at IS NULL", bindings: [] }];
  // A customer without a profile yet is a walk-in (written so the planner can use the type's statistics).
  if (filters.customer_type === "walk_in") parts.push({ sql: "(p.customer_type = 'walk_in' OR p.customer_type IS NULL)", bindings: [] });
  else if (filters.customer_type) parts.push({ sql: "p.customer_type = ?", bindings: [filters.customer_type] });
  if (filters.tag) parts.push({ sql: "p.tags @> ?::jsonb", bindings: [JSON.stringify([filters.tag])] });
  if (filters.last_visit_before) parts.push({ sql: "p.last_visit_at < ?", bindings: [filters.last_visit_before] });
  if (filters.last_visit_after) parts.push({ sql: "p.last_visit_at > ?", bindings: [filters.last_visit_after] });
  const profile = parts.length > 1;
  if (filters.device_type) {
    parts.push({
      sql: `EXISTS (SELECT 1 FROM customer_customer_crm_device dl JOIN device d ON d.id = dl.device_id AND d.deleted_at IS NULL
        WHERE dl.customer_id = c.id AND dl.deleted_at IS NULL AND d.device_type = ?)`,
      bindings: [filters.device_type],
    });
  }
  return { ...allOf(parts), profile };
}

/**
 * The entry's matches as separate indexed conditions (whole number, start of the number, digits
 * anywhere; or the name words, or the whole email): each is searched in the list's order on its
 * own index, so an ordered index range serves the typeahead.
 */
export function matchBranches(terms: CustomerTerms, phoneContains = true): SqlPart[] {
  if (terms.phone) {
    const { exact, prefix, contains } = terms.phone;
    const parts: SqlPart[] = exact.map((digits) => ({ sql: `${phoneKeyC("c.")} = ?`, bindings: [digits] }));
    if (prefix) parts.push({ sql: `${phoneKeyC("c.")} LIKE ?`, bindings: [`${prefix}%`] });
    if (phoneContains && contains) parts.push({ sql: `${phoneKey("c.")} LIKE ?`, bindings: [`%${contains}%`] });
    return parts;
  }
  const words: SqlPart[] = terms.longWords.map((word) => ({ sql: `${nameKey("c.")} LIKE '%' || public.repair_search_key(?) || '%'`, bindings: [word] }));
  if (terms.shortWordsQuery) {
    words.push({ sql: `to_tsvector('simple', ${nameKey("c.")}) @@ to_tsquery('simple', public.repair_search_key(?))`, bindings: [terms.shortWordsQuery] });
  }
  const parts = words.length ? [allOf(words)] : [];
  if (terms.email) parts.push({ sql: "lower(c.email) = ?", bindings: [terms.email] });
  return parts;
}

/** Whole-number / whole-email hits, on an index (null when the entry cannot be one). */
export function exactCondition(terms: CustomerTerms): SqlPart | null {
  const parts: SqlPart[] = (terms.phone?.exact ?? []).map((digits) => ({ sql: `${phoneKeyC("c.")} = ?`, bindings: [digits] }));
  if (terms.email) parts.push({ sql: "lower(c.email) = ?", bindings: [terms.email] });
  return parts.length ? anyOf(parts) : null;
}

/** 0 exact, 1 prefix (number or name starts with the entry), 2 otherwise; over the candidate rows. */
export function tierExpression(terms: CustomerTerms): SqlPart {
  const exact: SqlPart[] = (terms.phone?.exact ?? []).map((digits) => ({ sql: "cand.phone_key = ?", bindings: [digits] }));
  if (terms.email) exact.push({ sql: "lower(cand.email) = ?", bindings: [terms.email] });
  const prefix: SqlPart[] = [];
  if (terms.phone?.prefix) prefix.push({ sql: "cand.phone_key LIKE ?", bindings: [`${terms.phone.prefix}%`] });
  if (terms.text) prefix.push({ sql: "cand.name_key LIKE public.repair_search_key(?) || '%'", bindings: [terms.text] });
  const e = anyOf(exact), p = anyOf(prefix);
  return { sql: `CASE WHEN ${e.sql} THEN 0 WHEN ${p.sql} THEN 1 ELSE 2 END`, bindings: [...e.bindings, ...p.bindings] };
}

/** The sort over the tables (`table`) or over the candidate rows (`cand`); id breaks ties. */
export function orderBy(order: CustomerOrder, source: "table" | "cand"): string {
  const dir = order.startsWith("-") ? "DESC" : "ASC";
  const c = source === "table" ? "c." : "cand.";
  switch (order.replace(/^-/, "")) {
    case "name":
      return `${c}first_name ${dir}, ${c}last_name ${dir}, ${c}id ${dir}`;
    case "last_visit_at":
      return `${source === "table" ? "p." : "cand."}last_visit_at ${dir} NULLS LAST, ${c}id ${dir}`;
    case "phone":
      return `${source === "table" ? phoneKeyC("c.") : `(cand.phone_key COLLATE "C")`} ASC, ${c}created_at ASC, ${c}id ASC`;
    default:
      return `${c}created_at ${dir}, ${c}id ${dir}`;
  }
}

/** The statements of one request: the page (rows with `tier`), the capped count, the estimate. */
/** Sorting by last visit: the never-visited customers after the visited ones. */
export interface NeverVisitedPart {
  /** How many visited customers come before the page (at most its offset). */
  visitedBefore: SqlPart;
  page: (skip: number, take: number) => SqlPart;
}

export function customerSearchStatements(input: CustomerSearchInput): { page: SqlPart; count: SqlPart; estimate: SqlPart; neverVisited?: NeverVisitedPart } {
  const base = filterConditions(input.filters);
  const byVisit = input.order.endsWith("last_visit_at");
  const from = base.profile || byVisit ? WITH_PROFILE : "customer c";
  const columns = `${COLUMNS}, ${from === WITH_PROFILE ? "p.last_visit_at" : "NULL::timestamptz AS last_visit_at"}`;
  const terms = input.q?.trim() ? customerTerms(input.q) : null;
  const branches = terms ? matchBranches(terms, input.phoneContains ?? true) : [];
  const where = terms ? allOf([base, anyOf(branches)]) : base;
  const paging = [input.limit, input.offset];
  let page: SqlPart;
  let neverVisited: NeverVisitedPart | undefined;
  if (terms) {
    const window = Math.max(input.window ?? CUSTOMER_RANK_WINDOW, input.offset + input.limit);
    const exact = exactCondition(terms);
    const candidates: SqlPart[] = branches.map((branch) => ({
      sql: input.dense
        ? `(SELECT ${columns} FROM ${from} WHERE ${base.sql} AND ${branch.sql} ORDER BY ${orderBy(input.order, "table")} LIMIT ${window})`
        // OFFSET 0 keeps the order out of the scan: the matches come from the search index.
        : `(SELECT * FROM (SELECT ${columns} FROM ${from} WHERE ${base.sql} AND ${branch.sql} OFFSET 0) cand ORDER BY ${orderBy(input.order, "cand")} LIMIT ${Math.max(window, EXACT_COUNT_LIMIT)})`,
      bindings: [...base.bindings, ...branch.bindings],
    }));
    if (exact) candidates.push({ sql: `(SELECT ${columns} FROM ${from} WHERE ${base.sql} AND ${exact.sql})`, bindings: [...base.bindings, ...exact.bindings] });
    if (!candidates.length) candidates.push({ sql: `(SELECT ${columns} FROM ${from} WHERE FALSE)`, bindings: [] });
    const tier = tierExpression(terms);
    const similarity = terms.text ? `similarity(cand.name_key, public.repair_search_key(?)) DESC, ` : "";
    page = {
      sql: `SELECT cand.*, ${tier.sql} AS tier FROM (${candidates.map((c) => c.sql).join(" UNION ")}) cand
        ORDER BY tier, ${similarity}${orderBy(input.order, "cand")} LIMIT ? OFFSET ?`,
      bindings: [...tier.bindings, ...candidates.flatMap((c) => c.bindings), ...(terms.text ? [terms.text] : []), ...paging],
    };
  } else if (byVisit) {
    // Visited customers in the profile's last-visit index order; the never-visited (nulls last,
    // either way) follow by id, read only when a page reaches past the visited (`neverVisited`).
    const dir = input.order.startsWith("-") ? "DESC" : "ASC";
    const visited = `SELECT ${columns}, 2 AS tier FROM customer_profile p
      JOIN customer_customer_crm_customer_profile cl ON cl.customer_profile_id = p.id AND cl.deleted_at IS NULL
      JOIN customer c ON c.id = cl.customer_id
      WHERE p.deleted_at IS NULL AND p.last_visit_at IS NOT NULL AND ${base.sql}`;
    page = { sql: `${visited} ORDER BY p.last_visit_at ${dir}, c.id ${dir} LIMIT ? OFFSET ?`, bindings: [...base.bindings, ...paging] };
    neverVisited = {
      visitedBefore: { sql: `SELECT count(*)::int AS n FROM (${visited} LIMIT ${input.offset}) capped`, bindings: base.bindings },
      page: (skip, take) => ({
        sql: `SELECT ${columns}, 2 AS tier FROM ${from} WHERE p.last_visit_at IS NULL AND ${base.sql} ORDER BY c.id ${dir} LIMIT ? OFFSET ?`,
        bindings: [...base.bindings, take, skip],
      }),
    };
  } else {
    page = { sql: `SELECT ${columns}, 2 AS tier FROM ${from} WHERE ${base.sql} ORDER BY ${orderBy(input.order, "table")} LIMIT ? OFFSET ?`, bindings: [...base.bindings, ...paging] };
  }
  const countFrom = base.profile ? WITH_PROFILE : "customer c";
  return {
    page,
    neverVisited,
    count: { sql: `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${countFrom} WHERE ${where.sql} LIMIT ${EXACT_COUNT_LIMIT + 1}) capped`, bindings: where.bindings },
    estimate: { sql: `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${countFrom} WHERE ${where.sql}`, bindings: where.bindings },
  };
}
