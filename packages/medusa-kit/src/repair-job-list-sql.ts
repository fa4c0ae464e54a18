import { MedusaError } from "@medusajs/framework/utils";
import { normalisePhone, SLA_PAUSED_STATUSES, SLA_RUNNING_STATUSES, type Priority, type RepairStatus } from "@voltura/domain";
import type { RepairJobListSort } from "@voltura/contracts";

/**
 * GET /admin/repair-jobs as SQL over the indexes of Migration20261206160000 (stored name / device keys and
 * the issue words: Migration20261206190000, Migration20261206191300): every condition is
 * one an index answers. Kept here because the repair plugin, the platform search and the dashboard
 * all read it (the platform plugin sits below repair) (see ARCHITECTURE.md, "Repair desk", List and search).
 */

export interface JobListFilters {
  status?: RepairStatus;
  priority?: Priority;
  device_type?: string;
  technician_id?: string;
  mine?: boolean;
  callerId?: string;
  breached?: boolean;
  q?: string;
  sort?: RepairJobListSort;
}

export interface SqlPart {
  sql: string;
  bindings: unknown[];
}

/** What a search box entry means for each indexed column. */
export interface SearchTerms {
  /** Letters and digits only, upper case: job number and IMEI / serial. */
  key: string;
  /** The digits when the entry reads as (part of) a phone number: digits, spaces, + - ( ) . only. */
  digits: string | null;
  /** The full number's digits when the entry is a whole phone number (E.164 without "+"). */
  phoneDigits: string | null;
  /** The entry with LIKE wildcards escaped, for the name and device (3 characters or more). */
  text: string | null;
  /** The entry as typed, for the words of the issue (3 characters or more, not a phone number). */
  words: string | null;
}

/** Shorter than this, a trigram index cannot help: only prefixes of the job number / IMEI are searched. */
const TRIGRAM_MIN = 3;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export function searchTerms(q: string): SearchTerms {
  const entry = q.trim();
  const key = entry.toUpperCase().replace(/[^A-Z0-9]/g, "");
  const phoneLike = /^[\d\s+\-().]+$/.test(entry);
  const digits = phoneLike ? entry.replace(/\D/g, "") : "";
  let phoneDigits: string | null = null;
  if (phoneLike && digits.length >= 9) {
    try {
      phoneDigits = normalisePhone(entry).replace(/\D/g, "");
    } catch {
      phoneDigits = null;
    }
  }
  return {
    key,
    digits: digits.length >= TRIGRAM_MIN ? digits : null,
    phoneDigits,
    text: entry.length >= TRIGRAM_MIN && !phoneLike ? escapeLike(entry) : null,
    words: entry.length >= TRIGRAM_MIN && !phoneLike ? entry : null,
  };
}

/**
 * The words typed, as the issue's `issue_search` vector holds them (two bindings: the words):
 * 'simple' on the unaccented lower case (Bahasa Melayu words as written) or 'english' (stemmed).
 */
const ISSUE_WORDS = `(plainto_tsquery('simple'::regconfig, repair_search_key(?)) || plainto_tsquery('english'::regconfig, ?))`;

/** Rows matching the search: an OR of indexed conditions (none, when nothing usable was typed). */
export function searchCondition(terms: SearchTerms): SqlPart {
  const parts: string[] = [];
  const bindings: unknown[] = [];
  if (terms.key.length >= TRIGRAM_MIN) {
    parts.push(`job_number_key LIKE ?`, `imei_serial LIKE ?`);
    bindings.push(`%${terms.key}%`, `%${terms.key}%`);
  } else if (terms.key) {
    parts.push(`job_number_key LIKE ?`, `imei_serial LIKE ?`);
    bindings.push(`${terms.key}%`, `${terms.key}%`);
  }
  if (terms.digits) {
    parts.push(`phone_digits LIKE ?`);
    bindings.push(`%${terms.digits}%`);
  }
  if (terms.text) {
    parts.push(
      `customer_name_key LIKE '%' || repair_search_key(?) || '%'`,
      `device_key LIKE '%' || repair_search_key(?) || '%'`,
    );
    bindings.push(terms.text, terms.text);
  }
  if (terms.words) {
    parts.push(`issue_search @@ ${ISSUE_WORDS}`);
    bindings.push(terms.words, terms.words);
  }
  return { sql: parts.length ? `(${parts.join(" OR ")})` : "FALSE", bindings };
}

/**
 * Exact hits, each on an index: the whole job number (with or without its prefix and dashes), the
 * IMEI, the whole phone number in any format (pg_trgm's GIN answers `=` too).
 */
export function exactCondition(terms: SearchTerms): SqlPart {
  const exact = [`job_number_key = ?`, `imei_serial = ?`];
  const bindings: unknown[] = [terms.key, terms.key];
  if (/^\d{3,}$/.test(terms.key)) {
    exact.push(`(job_number_key LIKE ? AND ltrim(job_number_key, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') = ?)`);
    bindings.push(`%${terms.key}`, terms.key);
  }
  for (const digits of new Set([terms.digits, terms.phoneDigits])) {
    if (!digits) continue;
    exact.push(`phone_digits = ?`);
    bindings.push(digits);
  }
  return { sql: `(${exact.join(" OR ")})`, bindings };
}

/** Exact hits first, then the closest name / device by trigram similarity, then the issue's words (then the list's sort). */
export function searchRank(terms: SearchTerms): SqlPart {
  const exact = exactCondition(terms);
  let sql = `CASE WHEN ${exact.sql} THEN 0 ELSE 1 END`;
  const bindings = [...exact.bindings];
  if (terms.text) {
    sql += `, greatest(similarity(customer_name_key, repair_search_key(?)), similarity(device_key, repair_search_key(?))) DESC`;
    bindings.push(terms.text, terms.text);
  }
  if (terms.words) {
    sql += `, ts_rank(issue_search, ${ISSUE_WORDS}) DESC`;
    bindings.push(terms.words, terms.words);
  }
  return { sql, bindings };
}

/**
 * The SLA rule of @voltura/domain slaView in SQL: effective due (base + pauses) strictly before
 * the point where the clock stands (the start of the current pause or stop, or now). Pauses only
 * move the due time later, so `sla_due_at < now` is implied and lets the index narrow first.
 */
export function breachedCondition(now: Date): SqlPart {
  return {
    sql: `(sla_due_at < ?::timestamptz AND ${OVERDUE_BY} > interval '0')`,
    bindings: [now, now],
  };
}
/** How late a job is (one binding: now); positive when breached. */
export const OVERDUE_BY = `coalesce(sla_paused_since, ?::timestamptz) - (sla_due_at + sla_paused_seconds * interval '1 second')`;

const SORTS: Record<RepairJobListSort, string> = {
  "-created_at": "created_at DESC, id DESC",
  created_at: "created_at ASC, id ASC",
  "-received_at": "received_at DESC, id DESC",
  received_at: "received_at ASC, id ASC",
  "-sla_due_at": "sla_due_at DESC, id DESC",
  sla_due_at: "sla_due_at ASC, id ASC",
};

interface JobListQuery {
  /** Live rows only (so the partial indexes apply), the filters and the search match. */
  where: SqlPart;
  /** The list's sort, id as tie-break. */
  orderBy: SqlPart;
  /** With `q`: the filters with the exact hits instead of the match, and the ranking. */
  search?: { exact: SqlPart; rank: SqlPart };
}

export function jobListQuery(filters: JobListFilters, now: Date): JobListQuery {
  const conditions = [`deleted_at IS NULL`];
  const bindings: unknown[] = [];
  const equal = (column: string, value: unknown) => {
    conditions.push(`${column} = ?`);
    bindings.push(value);
  };
  if (filters.status) equal("status", filters.status);
  if (filters.priority) equal("priority", filters.priority);
  if (filters.device_type) equal("device_type", filters.device_type);
  if (filters.mine) {
    if (!filters.callerId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: mine: only a signed-in staff member has jobs of their own");
    equal("technician_id", filters.callerId);
  } else if (filters.technician_id) {
    equal("technician_id", filters.technician_id);
  }
  if (filters.breached !== undefined) {
    const breached = breachedCondition(now);
    conditions.push(filters.breached ? breached.sql : `NOT ${breached.sql}`);
    bindings.push(...breached.bindings);
  }
  const orderBy: SqlPart = { sql: SORTS[filters.sort ?? "-created_at"], bindings: [] };
  if (!filters.q?.trim()) return { where: { sql: conditions.join(" AND "), bindings }, orderBy };
  const terms = searchTerms(filters.q);
  const match = searchCondition(terms);
  const exact = exactCondition(terms);
  return {
    where: { sql: [...conditions, match.sql].join(" AND "), bindings: [...bindings, ...match.bindings] },
    orderBy,
    search: { exact: { sql: [...conditions, exact.sql].join(" AND "), bindings: [...bindings, ...exact.bindings] }, rank: searchRank(terms) },
  };
}

/** Counting stops past this; beyond it the answer carries the planner's estimate. */
export const EXACT_COUNT_LIMIT = 1000;
/**
 * A search ranks the first this-many matches in the list's order plus every exact hit, so a
 * broad term ("samsung") never ranks every row; deeper pages widen the window.
 */
export const SEARCH_RANK_WINDOW = 1000;
const CANDIDATE_COLUMNS = "id, created_at, received_at, sla_due_at, job_number_key, imei_serial, phone_digits, customer_name_key, device_key, issue_search";

/** The statements of one list request: the page of ids, the capped count, the estimate. */
export function jobListStatements(filters: JobListFilters, now: Date, page: { limit: number; offset: number }): { page: SqlPart; count: SqlPart; estimate: SqlPart } {
  const { where, orderBy, search } = jobListQuery(filters, now);
  const window = Math.max(SEARCH_RANK_WINDOW, page.offset + page.limit);
  return {
    page: search
      ? {
        sql: `SELECT id FROM (
            (SELECT ${CANDIDATE_COLUMNS} FROM repair_job WHERE ${where.sql} ORDER BY ${orderBy.sql} LIMIT ${window})
            UNION (SELECT ${CANDIDATE_COLUMNS} FROM repair_job WHERE ${search.exact.sql})
          ) candidates ORDER BY ${search.rank.sql}, ${orderBy.sql} LIMIT ? OFFSET ?`,
        bindings: [...where.bindings, ...search.exact.bindings, ...search.rank.bindings, page.limit, page.offset],
      }
      : { sql: `SELECT id FROM repair_job WHERE ${where.sql} ORDER BY ${orderBy.sql} LIMIT ? OFFSET ?`, bindings: [...where.bindings, page.limit, page.offset] },
    count: {
      sql: `SELECT count(*)::int AS n FROM (SELECT 1 FROM repair_job WHERE ${where.sql} LIMIT ${EXACT_COUNT_LIMIT + 1}) capped`,
      bindings: where.bindings,
    },
    estimate: { sql: `EXPLAIN (FORMAT JSON) SELECT 1 FROM repair_job WHERE ${where.sql}`, bindings: where.bindings },
  };
}

const OPEN_CLOCK_STATUSES = [...SLA_RUNNING_STATUSES, ...SLA_PAUSED_STATUSES];

/** Open jobs (clock running or paused) past their SLA: the `shown` most overdue, and how many in all. */
export function slaBreachStatements(now: Date, shown: number): { page: SqlPart; count: SqlPart } {
  const breached = breachedCondition(now);
  const where = `deleted_at IS NULL AND status IN (${OPEN_CLOCK_STATUSES.map(() => "?").join(", ")}) AND ${breached.sql}`;
  const bindings = [...OPEN_CLOCK_STATUSES, ...breached.bindings];
  return {
    page: { sql: `SELECT id FROM repair_job WHERE ${where} ORDER BY ${OVERDUE_BY} DESC, id LIMIT ${shown}`, bindings: [...bindings, now] },
    count: { sql: `SELECT count(*)::int AS n FROM repair_job WHERE ${where}`, bindings },
  };
}
