/**
 * GET /admin/whatsapp/messages as SQL over the indexes of Migration20261206191100: newest first by
 * (created_at, id), one filter column leading each index, a keyset cursor instead of a deep offset,
 * and a count that stops at EXACT_COUNT_LIMIT (the planner's estimate beyond).
 */

export interface MessageListFilter {
  phone?: string;
  customer_id?: string;
  session_id?: string;
  direction?: "in" | "out";
  /** The last row of the page before (its stored created_at as written in `next_cursor`, and id). */
  before?: { at: string; id: string };
  limit: number;
  offset: number;
}

export interface SqlPart {
  sql: string;
  bindings: unknown[];
}

/** Counting stops past this; beyond it the answer carries the planner's estimate. */
export const EXACT_COUNT_LIMIT = 1000;

/** The cursor of a row: its created_at to the microsecond (UTC) and its id. */
export const CURSOR_COLUMN = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || ',' || id AS next_cursor`;

export function messageListStatements(filter: MessageListFilter, columns: string): { page: SqlPart; count: SqlPart; estimate: SqlPart } {
  const where = ["deleted_at IS NULL"];
  const bindings: unknown[] = [];
  for (const key of ["phone", "customer_id", "session_id", "direction"] as const) {
    if (filter[key]) {
      where.push(`${key} = ?`);
      bindings.push(filter[key]);
    }
  }
  const clause = where.join(" AND ");
  const page = filter.before
    ? { sql: `${clause} AND (created_at, id) < (?::timestamptz, ?)`, bindings: [...bindings, filter.before.at, filter.before.id], offset: 0 }
    : { sql: clause, bindings, offset: filter.offset };
  return {
    // One row more than asked: whether an older page exists.
    page: {
      sql: `SELECT ${columns}, ${CURSOR_COLUMN} FROM whatsapp_message WHERE ${page.sql} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
      bindings: [...page.bindings, filter.limit + 1, page.offset],
    },
    // In the page's order, so the count reads at most EXACT_COUNT_LIMIT + 1 entries of the page's index.
    count: {
      sql: `SELECT count(*)::int AS n FROM (SELECT 1 FROM whatsapp_message WHERE ${clause} ORDER BY created_at DESC, id DESC LIMIT ${EXACT_COUNT_LIMIT + 1}) capped`,
      bindings,
    },
    estimate: { sql: `EXPLAIN (FORMAT JSON) SELECT 1 FROM whatsapp_message WHERE ${clause}`, bindings },
  };
}

/** The planner's row estimate from an `EXPLAIN (FORMAT JSON)` answer. */
export function plannedRows(explained: Array<Record<string, unknown>>): number {
  const plan = (explained[0]?.["QUERY PLAN"] ?? []) as Array<{ Plan?: { "Plan Rows"?: number } }>;
  return Math.round(Number(plan[0]?.Plan?.["Plan Rows"] ?? 0));
}
