// The optimisation's choices, pure: which tables to vacuum, how bloated an index is, which to rebuild.

export interface TableActivity { schema: string; table: string; liveTuples: number; deadTuples: number; modsSinceAnalyze: number }
export interface IndexBloat { schema: string; table: string; index: string; bytes: number; bloat: number }

/**
 * The busiest tables: dead rows plus rows changed since the last analyze, when that passes 50 +
 * 2 % of the live rows (autovacuum's own formula with a lower scale factor, so a weekly pass
 * catches what autovacuum let slide), the most changed first, at most `limit`.
 */
export function pickTablesToVacuum(tables: TableActivity[], options: { limit: number }): TableActivity[] {
  const churn = (t: TableActivity) => t.deadTuples + t.modsSinceAnalyze;
  return tables
    .filter((t) => churn(t) >= 50 + 0.02 * t.liveTuples)
    .sort((a, b) => churn(b) - churn(a) || a.table.localeCompare(b.table))
    .slice(0, Math.max(0, options.limit));
}

const PAGE_BYTES = 8192;
/** Page header (24) and btree special space (16). */
const PAGE_USABLE_BYTES = PAGE_BYTES - 24 - 16;
/** IndexTupleData header (8) and the line pointer (4). */
const TUPLE_OVERHEAD_BYTES = 12;
const maxAlign = (n: number) => Math.ceil(n / 8) * 8;

/**
 * The share of a btree's pages that is waste, from its size and the planner's statistics: the
 * pages its tuples need at the fill factor (plus the meta page) against the pages it has. Null
 * when the statistics are missing (an expression index, a table never analyzed).
 */
export function estimateBtreeBloat(index: { pages: number; tuples: number; keyWidth: number | null; fillfactor?: number }): number | null {
  if (index.keyWidth === null || index.tuples < 0 || index.pages <= 1) return null;
  const perPage = (PAGE_USABLE_BYTES * (index.fillfactor ?? 90)) / 100;
  const expectedPages = Math.ceil((index.tuples * (maxAlign(index.keyWidth) + TUPLE_OVERHEAD_BYTES)) / perPage) + 1;
  return Math.max(0, Math.min(1, 1 - expectedPages / index.pages));
}

/** Indexes whose bloat reaches the threshold, the largest waste first. */
export function pickIndexesToReindex(indexes: IndexBloat[], bloatThreshold: number): IndexBloat[] {
  if (!(bloatThreshold > 0 && bloatThreshold < 1)) throw new RangeError(`bloatThreshold must be between 0 and 1 (exclusive), got ${bloatThreshold}`);
  return indexes
    .filter((ix) => ix.bloat >= bloatThreshold)
    .sort((a, b) => b.bloat * b.bytes - a.bloat * a.bytes || a.index.localeCompare(b.index));
}
