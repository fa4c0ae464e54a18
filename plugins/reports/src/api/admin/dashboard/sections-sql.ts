import { REPAIR_STATUSES, isTerminalStatus } from "@voltura/domain";
import type { SqlPart } from "../../../modules/report-days/daily/facts-sql";
import { CARD_COLUMNS } from "./dashboard-sql";

/**
 * The dashboard's per-section statements (quotes, handoffs, low stock, a technician's bench, a
 * cashier's counter). Each reads another module's table by SQL, as the report does, and is answered
 * by an index: the repair desk's, the concierge's, or one of SOURCE_INDEXES (`dashboard.spec.ts`
 * explains each on seeded tables).
 */

export const OPEN_STATUSES = REPAIR_STATUSES.filter((s) => !isTerminalStatus(s));
const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ");
export const SHOWN = 5;

/**
 * Repair quotes sent and not decided (one per job at most), on jobs still open: the oldest first, each
 * row carrying the whole count (`total`, a window over the few awaiting rows) so one statement answers both.
 */
export const quotesAwaiting = (shown = SHOWN): SqlPart => ({
  sql: `SELECT q.id AS quote_id, q.version, q.sent_at, (q.snapshot -> 'totals' ->> 'total_sen')::bigint AS total_sen,
          j.id AS job_id, j.job_number, j.customer_name, j.brand, j.model, count(*) OVER () AS total
        FROM repair_quote q JOIN repair_job j ON j.id = q.repair_job_id
        WHERE q.deleted_at IS NULL AND q.status = 'sent' AND j.deleted_at IS NULL AND j.status IN (${placeholders(OPEN_STATUSES)})
        ORDER BY q.sent_at, q.id LIMIT ${shown}`,
  bindings: [...OPEN_STATUSES],
});

/** Concierge handoffs still open or claimed: the oldest first with the customer's name when known, and the count (`total`). */
export const openHandoffs = (shown = SHOWN): SqlPart => ({
  sql: `SELECT h.id, h.phone, h.reason, h.status, h.assigned_name, h.job_number, h.opened_at,
          NULLIF(trim(concat_ws(' ', c.first_name, c.last_name)), '') AS customer_name, count(*) OVER () AS total
        FROM concierge_handoff h LEFT JOIN customer c ON c.id = h.customer_id AND c.deleted_at IS NULL
        WHERE h.deleted_at IS NULL AND h.status IN ('open', 'claimed') ORDER BY h.opened_at, h.id LIMIT ${shown}`,
  bindings: [],
});

/** The first low-stock levels (as LOW_STOCK_COUNT counts them), furthest under their threshold first, and their count (`total`). */
export const lowStockItems = (shown = SHOWN): SqlPart => ({
  sql: `SELECT il.inventory_item_id, i.title, i.sku, il.stocked_quantity AS stocked, p.low_stock_threshold AS threshold, count(*) OVER () AS total
        FROM inventory_level il
        JOIN item_stock_profile p ON p.inventory_item_id = il.inventory_item_id AND p.deleted_at IS NULL
        LEFT JOIN inventory_item i ON i.id = il.inventory_item_id AND i.deleted_at IS NULL
        WHERE il.deleted_at IS NULL AND p.low_stock_threshold IS NOT NULL AND il.stocked_quantity <= p.low_stock_threshold
        ORDER BY il.stocked_quantity - p.low_stock_threshold, il.inventory_item_id LIMIT ${shown}`,
  bindings: [],
});

/** Bounds a bench: a shop has a few hundred open jobs in all, so one technician's fit well under it. */
export const BENCH_LIMIT = 500;

/** A technician's open jobs (on the board's partial index of open jobs). */
export const benchJobs = (technicianId: string): SqlPart => ({
  sql: `SELECT ${CARD_COLUMNS} FROM repair_job
        WHERE deleted_at IS NULL AND status IN (${placeholders(OPEN_STATUSES)}) AND technician_id = ?
        ORDER BY sla_due_at, id LIMIT ${BENCH_LIMIT}`,
  bindings: [...OPEN_STATUSES, technicianId],
});

/** A cashier's counter sales of a shop day (sold, committed or completed), after cash rounding. */
export const counterSales = (cashierId: string, from: Date, to: Date): SqlPart => ({
  sql: `SELECT count(*)::int AS n, coalesce(sum(rounded_total_sen), 0)::bigint AS total_sen, coalesce(sum(refunded_sen), 0)::bigint AS refunded_sen
        FROM pos_sale WHERE deleted_at IS NULL AND sold_at >= ? AND sold_at < ? AND status IN ('committed', 'completed') AND cashier_id = ?`,
  bindings: [from, to, cashierId],
});

/** Jobs ready for pickup (completed, not yet delivered), the longest waiting first. */
export const readyForPickup = (shown = SHOWN): SqlPart => ({
  sql: `SELECT ${CARD_COLUMNS} FROM repair_job WHERE deleted_at IS NULL AND status = 'completed' ORDER BY created_at, id LIMIT ${shown}`,
  bindings: [],
});

/** Which of these tables exist (a plugin's table is absent until its migrations ran). */
export const tablesPresent = (tables: readonly string[]): SqlPart => ({
  sql: `SELECT t.name FROM unnest(?::text[]) AS t(name) WHERE to_regclass('public.' || quote_ident(t.name)) IS NOT NULL`,
  bindings: [tables],
});
