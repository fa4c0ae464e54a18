import type { Sql } from "@voltura/medusa-kit";
import { rows } from "@voltura/medusa-kit";

export interface SqlPart {
  sql: string;
  bindings: unknown[];
}

/** Counting stops past this; beyond it a list answers with the planner's estimate. */
export const EXACT_COUNT_LIMIT = 1000;
/**
 * A search ranks the first this-many matches in the list's order plus every exact hit, so a
 * broad term never ranks every row; deeper pages widen the window.
 */
export const SEARCH_RANK_WINDOW = 1000;

/** ORs the parts (FALSE when there are none). */
export function anyOf(parts: SqlPart[]): SqlPart {
  if (!parts.length) return { sql: "FALSE", bindings: [] };
  return { sql: `(${parts.map((p) => p.sql).join(" OR ")})`, bindings: parts.flatMap((p) => p.bindings) };
}

/** ANDs the parts (TRUE when there are none). */
export function allOf(parts: SqlPart[]): SqlPart {
  if (!parts.length) return { sql: "TRUE", bindings: [] };
  return { sql: `(${parts.map((p) => p.sql).join(" AND ")})`, bindings: parts.flatMap((p) => p.bindings) };
}

/**
 * Exact up to EXACT_COUNT_LIMIT; past it the planner's row estimate of `estimate` (an EXPLAIN
 * (FORMAT JSON) statement), so a long list is never counted row by row.
 */
export async function cappedCount(db: Sql, count: SqlPart, estimate: SqlPart): Promise<{ count: number; estimated: boolean }> {
  const [counted] = await rows(db, count.sql, count.bindings);
  const exact = Number(counted?.n ?? 0);
  if (exact <= EXACT_COUNT_LIMIT) return { count: exact, estimated: false };
  const [plan] = await rows(db, estimate.sql, estimate.bindings);
  const json = (plan?.["QUERY PLAN"] ?? []) as Array<{ Plan?: { "Plan Rows"?: number } }>;
  return { count: Math.max(exact, Math.round(Number(json[0]?.Plan?.["Plan Rows"] ?? 0))), estimated: true };
}
