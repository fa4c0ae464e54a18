import { isTerminalStatus, REPAIR_STATUSES, SLA_PAUSED_STATUSES, type RepairStatus } from "@voltura/domain";
import type { SqlPart } from "@voltura/medusa-kit";

/**
 * GET /admin/repair-jobs/board as SQL: the open jobs come from a partial index holding only open
 * statuses (a few hundred rows, whatever the history), grouped and ordered by the effective SLA due
 * time in SQL; the last finished from their own partial index. See Migration20261206190000.
 */

export const BOARD_OPEN_STATUSES: readonly RepairStatus[] = REPAIR_STATUSES.filter((s) => !isTerminalStatus(s));
export const BOARD_FINISHED_STATUSES: readonly RepairStatus[] = REPAIR_STATUSES.filter((s) => isTerminalStatus(s));
/** More open jobs in one status than this is not a board any more (the list with filters is); the count stays exact. */
export const BOARD_CARDS_PER_COLUMN = 500;
export const BOARD_FINISHED_SHOWN = 20;

/** The columns of a RepairJob answer (query.ts JOB_FIELDS), the customer from its link. */
export const CARD_COLUMNS = [
  "id", "job_number", "status", "device_type", "brand", "model", "issue", "priority", "customer_name", "customer_phone",
  "workflow_id", "created_by", "created_at", "updated_at", "imei_serial", "colour", "accessories", "condition_notes",
  "deposit_sen", "technician_id", "technician_name", "diagnosis", "received_at", "sla_due_at", "sla_paused_seconds",
  "sla_paused_since", "eta", "completed_at", "delivered_at", "tracking_token",
].map((c) => `j.${c}`).join(", ");
export const CUSTOMER = `(SELECT l.customer_id FROM customer_customer_repair_repair_job l WHERE l.repair_job_id = j.id AND l.deleted_at IS NULL LIMIT 1) AS linked_customer_id`;

const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ");

/**
 * slaView's due time in SQL (two bindings: now): base + pauses, and while paused it moves with the
 * clock (now - start of the pause). Running and stopped clocks are not moved.
 */
export const EFFECTIVE_DUE = `(j.sla_due_at + j.sla_paused_seconds * interval '1 second'
  + CASE WHEN j.status IN (${SLA_PAUSED_STATUSES.map((s) => `'${s}'`).join(", ")}) THEN ?::timestamptz - coalesce(j.sla_paused_since, ?::timestamptz) ELSE interval '0' END)`;

/** The statements of one board: open cards by status (most urgent first, with the status' count), and the last finished. */
export function boardStatements(now: Date): { open: SqlPart; finished: SqlPart } {
  return {
    open: {
      sql: `SELECT * FROM (
          SELECT ${CARD_COLUMNS}, ${CUSTOMER},
            count(*) OVER (PARTITION BY j.status)::int AS column_count,
            row_number() OVER (PARTITION BY j.status ORDER BY ${EFFECTIVE_DUE}, j.job_number COLLATE "C") AS position
          FROM repair_job j
          WHERE j.deleted_at IS NULL AND j.status IN (${placeholders(BOARD_OPEN_STATUSES)})
        ) board WHERE position <= ${BOARD_CARDS_PER_COLUMN} ORDER BY status, position`,
      bindings: [now, now, ...BOARD_OPEN_STATUSES],
    },
    finished: {
      sql: `SELECT ${CARD_COLUMNS}, ${CUSTOMER} FROM repair_job j
        WHERE j.deleted_at IS NULL AND j.status IN (${placeholders(BOARD_FINISHED_STATUSES)})
        ORDER BY j.updated_at DESC, j.id DESC LIMIT ${BOARD_FINISHED_SHOWN}`,
      bindings: [...BOARD_FINISHED_STATUSES],
    },
  };
}
