import { slaBreachStatements } from "@voltura/medusa-kit";
import type { SqlPart } from "../../../modules/report-days/daily/facts-sql";

/**
 * The dashboard's statements, each answered by an index (see the reports migration and the repair
 * desk's Migration20261206160000); the SLA breaches are the repair desk's own SQL.
 */

/** Counting stops past this per status, as the job list's count does; above it the planner's statistics give the figure. */
export const EXACT_COUNT_LIMIT = 1000;

/**
 * Live jobs per status in one statement: each status counted on the (status, created_at) index up
 * to EXACT_COUNT_LIMIT + 1 rows, so the delivered archive is never walked in full.
 */
export function statusCounts(statuses: readonly string[]): SqlPart {
  return {
    sql: statuses.map(() => `SELECT ?::text AS status, (SELECT count(*) FROM (SELECT 1 FROM repair_job WHERE deleted_at IS NULL AND status = ?
      ORDER BY created_at DESC LIMIT ${EXACT_COUNT_LIMIT + 1}) capped)::int AS n`).join(" UNION ALL "),
    bindings: statuses.flatMap((s) => [s, s]),
  };
}

/** The planner's row count and status frequencies for repair_job (for counts past the limit). */
export const STATUS_STATISTICS: SqlPart = {
  sql: `SELECT c.reltuples::float8 AS rows, st.most_common_vals::text AS vals, st.most_common_freqs AS freqs
        FROM pg_class c LEFT JOIN pg_stats st ON st.schemaname = 'public' AND st.tablename = 'repair_job' AND st.attname = 'status'
        WHERE c.oid = 'public.repair_job'::regclass`,
  bindings: [],
};

/** What a job card needs (the SLA is computed from the clock fields). */
export const CARD_COLUMNS = `id, job_number, status, priority, customer_name, customer_phone, device_type, brand, model, issue, technician_name, eta,
  created_at, updated_at, sla_due_at, sla_paused_seconds, sla_paused_since`;

export const recentJobs = (limit: number): SqlPart => ({
  sql: `SELECT ${CARD_COLUMNS} FROM repair_job WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
  bindings: [],
});

export const jobCards = (ids: readonly string[]): SqlPart => ({
  sql: `SELECT ${CARD_COLUMNS} FROM repair_job WHERE id = ANY(?::text[]) AND deleted_at IS NULL`,
  bindings: [ids],
});

export const slaBreaches = (now: Date, shown: number) => slaBreachStatements(now, shown);

/** Stock levels at or under their item's low-stock threshold (as the inventory levels list counts them). */
export const LOW_STOCK_COUNT: SqlPart = {
  sql: `SELECT count(*)::int AS n FROM inventory_level il
        JOIN item_stock_profile p ON p.inventory_item_id = il.inventory_item_id AND p.deleted_at IS NULL
        WHERE il.deleted_at IS NULL AND p.low_stock_threshold IS NOT NULL AND il.stocked_quantity <= p.low_stock_threshold`,
  bindings: [],
};

/**
 * Customers created since the start of the month, of the week (from Monday) and of today: one range
 * scan on created_at from the earlier of the month's and the week's start.
 */
export const newCustomers = (monthStart: Date, dayStart: Date, weekStart: Date = monthStart): SqlPart => ({
  sql: `SELECT count(*) FILTER (WHERE created_at >= ?)::int AS month, count(*) FILTER (WHERE created_at >= ?)::int AS week,
          count(*) FILTER (WHERE created_at >= ?)::int AS today
        FROM customer WHERE deleted_at IS NULL AND created_at >= ?`,
  bindings: [monthStart, weekStart, dayStart, monthStart < weekStart ? monthStart : weekStart],
});
