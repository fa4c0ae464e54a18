/**
 * The integrity check's vocabulary. Each check is one SQL query over the shared database (Medusa's
 * tables and every plugin's live side by side) and one pure function from its rows to breaches,
 * so the rules are unit-tested without a database.
 */

export type Row = Record<string, unknown>;

export interface Breach {
  /** Machine-readable kind, e.g. `on_hand_differs`, `order_missing`, `invoice_number_gap`. */
  kind: string;
  /** What it is about (an id, an invoice number). */
  ref: string;
  /** The same in shop language, for the console and the WhatsApp alert. */
  message: string;
  details?: Record<string, unknown>;
}

export interface EvaluationContext {
  /** When the check runs (claims are judged against it). */
  now: Date;
}

export interface IntegrityCheck {
  name: string;
  /** What the check promises, in shop language (shown next to its result). */
  title: string;
  description: string;
  /** Tables the query reads; the check is reported as not run when one is missing. */
  tables: readonly string[];
  /** Positional `?` parameters, filled from the context. */
  sql: string;
  /** Used instead of `sql` once these tables exist in the `archive` schema (old documents moved there). */
  archive?: { tables: readonly string[]; sql: string };
  params?: (ctx: EvaluationContext) => unknown[];
  evaluate(rows: readonly Row[], ctx: EvaluationContext): Breach[];
}

export const MAX_BREACHES_SHOWN = 50;

export interface CheckResult {
  name: string;
  title: string;
  description: string;
  ok: boolean;
  /** The first MAX_BREACHES_SHOWN breaches. */
  breaches: Breach[];
  /** How many breaches in all. */
  count: number;
  /** Why the check could not run (a missing table, a failed query); such a check is not ok. */
  error?: string;
}

export interface IntegrityReport {
  ok: boolean;
  checked_at: string;
  checks: CheckResult[];
}

export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
export const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const time = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
