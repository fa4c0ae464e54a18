import { generateEntityId } from "@medusajs/framework/utils";
import type { OperationsAlert, OperationsAlertKind } from "@voltura/contracts";
import { rows, type Sql } from "@voltura/medusa-kit";
import { OPERATIONS_SQL } from "./list-queries";
import { ALERT_COLUMNS, toAlert } from "./rows";

/**
 * Raises the alert named by `key` once: a second raise with the same key changes nothing. `notify` is true while the
 * owners' WhatsApp for it is still due (not yet sent and not resolved), so a repeated raise retries a failed send.
 */
export async function raiseAlert(db: Sql, input: { key: string; kind: OperationsAlertKind; message: string }):
  Promise<{ alert: OperationsAlert; raised: boolean; notify: boolean }> {
  const [inserted] = await rows(db, `INSERT INTO operations_alert (id, key, kind, message, raised_at) VALUES (?, ?, ?, ?, now())
    ON CONFLICT (key) DO NOTHING RETURNING ${ALERT_COLUMNS}`, [generateEntityId(undefined, "oalert"), input.key, input.kind, input.message]);
  const row = inserted ?? (await rows(db, `SELECT ${ALERT_COLUMNS} FROM operations_alert WHERE key = ?`, [input.key]))[0]!;
  const alert = toAlert(row);
  return { alert, raised: !!inserted, notify: !alert.notified_at && !alert.resolved_at };
}

export async function markAlertNotified(db: Sql, id: string): Promise<OperationsAlert> {
  const [row] = await rows(db, `UPDATE operations_alert SET notified_at = COALESCE(notified_at, now()), updated_at = now() WHERE id = ?
    RETURNING ${ALERT_COLUMNS}`, [id]);
  return toAlert(row!);
}

/** Resolves every open alert of a kind (the condition is over: a backup succeeded, the chain verifies…). */
export async function resolveAlerts(db: Sql, kind: OperationsAlertKind): Promise<number> {
  const done = await rows(db, OPERATIONS_SQL.resolveKind, [kind]);
  return done.length;
}

export async function listAlerts(db: Sql, status: "open" | "all"): Promise<OperationsAlert[]> {
  const found = status === "open"
    ? await rows(db, OPERATIONS_SQL.openAlerts)
    : await rows(db, OPERATIONS_SQL.allAlerts);
  return found.map(toAlert);
}
