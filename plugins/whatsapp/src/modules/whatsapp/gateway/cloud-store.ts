import type { MedusaContainer } from "@medusajs/framework/types";
import { generateEntityId } from "@medusajs/framework/utils";
import { rows, sqlConnection, type Sql, type SqlRow } from "@voltura/medusa-kit";

/** The Cloud API webhook's own rows (de-duplication keys, parked statuses): SQL at the edge, one statement or one transaction each. */

export interface CloudSessionRow {
  id: string;
  name: string;
  cloud_phone_number_id: string | null;
  cloud_waba_id: string | null;
  cloud_secrets: string | null;
}

const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const toCloudSession = (r: SqlRow): CloudSessionRow => ({
  id: String(r.id),
  name: String(r.name),
  cloud_phone_number_id: textOrNull(r.cloud_phone_number_id),
  cloud_waba_id: textOrNull(r.cloud_waba_id),
  cloud_secrets: textOrNull(r.cloud_secrets),
});

const SESSION_COLUMNS = `id, name, cloud_phone_number_id, cloud_waba_id, cloud_secrets`;

/** Live Cloud API sessions of these numbers or business accounts (unique index on the number's id). */
export async function cloudSessionsFor(container: MedusaContainer, phoneNumberIds: string[], wabaIds: string[]): Promise<CloudSessionRow[]> {
  if (!phoneNumberIds.length && !wabaIds.length) return [];
  const found = await rows(
    sqlConnection(container),
    `SELECT ${SESSION_COLUMNS} FROM whatsapp_session
      WHERE kind = 'cloud_api' AND deleted_at IS NULL AND cloud_secrets IS NOT NULL
        AND (cloud_phone_number_id = ANY(?::text[]) OR cloud_waba_id = ANY(?::text[]))`,
    [phoneNumberIds, wabaIds],
  );
  return found.map(toCloudSession);
}

/** Every live Cloud API session (the verification challenge compares each verify token). */
export async function allCloudSessions(container: MedusaContainer): Promise<CloudSessionRow[]> {
  const found = await rows(
    sqlConnection(container),
    `SELECT ${SESSION_COLUMNS} FROM whatsapp_session WHERE kind = 'cloud_api' AND deleted_at IS NULL AND cloud_secrets IS NOT NULL`,
  );
  return found.map(toCloudSession);
}

/** Bindings: key. */
export const WEBHOOK_EVENT_SEEN_SQL = `SELECT 1 FROM whatsapp_webhook_event WHERE key = ?`;

export async function webhookEventSeen(container: MedusaContainer, key: string): Promise<boolean> {
  return (await rows(sqlConnection(container), WEBHOOK_EVENT_SEEN_SQL, [key])).length > 0;
}

export async function markWebhookEvent(db: Sql, key: string): Promise<void> {
  await db.raw(`INSERT INTO whatsapp_webhook_event (key, received_at) VALUES (?, now()) ON CONFLICT (key) DO NOTHING`, [key]);
}

export async function markWebhookEventIn(container: MedusaContainer, key: string): Promise<void> {
  await markWebhookEvent(sqlConnection(container), key);
}

/** The statuses the backlog keeps (its CHECK constraint). */
const PARKED_STATUS_KINDS = ["sent", "delivered", "read", "failed"] as const;

export interface ParkedStatus {
  id: string;
  session_id: string;
  wa_message_id: string | null;
  correlation_id: string | null;
  status: (typeof PARKED_STATUS_KINDS)[number];
  error_code: number | null;
  error: string | null;
}

/** Parks a status nobody can place yet, and marks its event seen, in one transaction. */
export async function parkStatus(container: MedusaContainer, status: Omit<ParkedStatus, "id">, key: string): Promise<void> {
  await sqlConnection(container).transaction(async (trx) => {
    const fresh = await rows(trx, `INSERT INTO whatsapp_webhook_event (key, received_at) VALUES (?, now()) ON CONFLICT (key) DO NOTHING RETURNING key`, [key]);
    if (!fresh.length) return;
    await trx.raw(
      `INSERT INTO whatsapp_status_backlog (id, session_id, wa_message_id, correlation_id, status, error_code, error, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, now())`,
      [generateEntityId(undefined, "wa_sbl"), status.session_id, status.wa_message_id, status.correlation_id, status.status, status.error_code, status.error],
    );
  });
}

/** Bindings: session id, WhatsApp id, row id, session id. Each branch reads one index. */
export const PARKED_STATUSES_SQL = `SELECT id, session_id, wa_message_id, correlation_id, status, error_code, error, received_at FROM whatsapp_status_backlog
      WHERE session_id = ? AND wa_message_id = ?
     UNION
     SELECT id, session_id, wa_message_id, correlation_id, status, error_code, error, received_at FROM whatsapp_status_backlog
      WHERE correlation_id = ? AND session_id = ?
     ORDER BY received_at, id`;

/** Statuses parked for a message, by its WhatsApp id or its row id (correlation), oldest first. */
export async function parkedStatusesFor(container: MedusaContainer, sessionId: string, waMessageId: string, messageId: string): Promise<ParkedStatus[]> {
  const found = await rows(sqlConnection(container), PARKED_STATUSES_SQL, [sessionId, waMessageId, messageId, sessionId]);
  return found.map((r) => ({
    id: String(r.id),
    session_id: String(r.session_id),
    wa_message_id: textOrNull(r.wa_message_id),
    correlation_id: textOrNull(r.correlation_id),
    status: PARKED_STATUS_KINDS.find((k) => k === r.status) ?? "failed",
    error_code: r.error_code === null || r.error_code === undefined ? null : Number(r.error_code),
    error: textOrNull(r.error),
  }));
}

export async function dropParkedStatus(container: MedusaContainer, id: string): Promise<void> {
  await sqlConnection(container).raw(`DELETE FROM whatsapp_status_backlog WHERE id = ?`, [id]);
}

/** Records the WhatsApp id Meta gave a send (once; a status webhook may have recorded it first). */
export async function recordCloudWaMessageId(container: MedusaContainer, messageId: string, waMessageId: string): Promise<boolean> {
  const updated = await rows(
    sqlConnection(container),
    `UPDATE whatsapp_message SET wa_message_id = ?, updated_at = now() WHERE id = ? AND direction = 'out' AND wa_message_id IS NULL RETURNING id`,
    [waMessageId, messageId],
  );
  return updated.length > 0;
}

/** Meta retries a webhook for up to 7 days: keys are kept 8, parked statuses nobody claimed 8 too. */
export const WEBHOOK_STATE_DAYS = 8;

/** Bindings: days. By the received_at indexes. */
export const PRUNE_WEBHOOK_EVENTS_SQL = `DELETE FROM whatsapp_webhook_event WHERE received_at < now() - make_interval(days => ?) RETURNING 1`;
export const PRUNE_PARKED_STATUSES_SQL = `DELETE FROM whatsapp_status_backlog WHERE received_at < now() - make_interval(days => ?) RETURNING 1`;

export async function pruneCloudWebhookState(container: MedusaContainer): Promise<{ keys: number; parked: number }> {
  const db = sqlConnection(container);
  const keys = await rows(db, PRUNE_WEBHOOK_EVENTS_SQL, [WEBHOOK_STATE_DAYS]);
  const parked = await rows(db, PRUNE_PARKED_STATUSES_SQL, [WEBHOOK_STATE_DAYS]);
  return { keys: keys.length, parked: parked.length };
}

/** A template's review outcome, as Meta announced it (the templates table is kept by the template sync). */
export async function setTemplateStatus(
  container: MedusaContainer,
  update: { session_id: string; name: string; language: string; status: string; reason: string | null },
  key: string,
): Promise<number> {
  return sqlConnection(container).transaction(async (trx) => {
    const fresh = await rows(trx, `INSERT INTO whatsapp_webhook_event (key, received_at) VALUES (?, now()) ON CONFLICT (key) DO NOTHING RETURNING key`, [key]);
    if (!fresh.length) return 0;
    const changed = await rows(
      trx,
      `UPDATE whatsapp_template SET status = ?, rejected_reason = ?, updated_at = now()
        WHERE session_id = ? AND name = ? AND language = ? AND deleted_at IS NULL RETURNING id`,
      [update.status, update.reason, update.session_id, update.name, update.language],
    );
    return changed.length;
  });
}
