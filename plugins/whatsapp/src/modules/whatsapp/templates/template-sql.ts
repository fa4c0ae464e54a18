import { generateEntityId } from "@medusajs/framework/utils";
import { rows, type Sql, type SqlConnection, type SqlRow } from "@voltura/medusa-kit";
import { templateStatusOf, type BindingCandidate, type KnownTemplate } from "../../../domain/template-rules";
import type { TemplateStatus } from "../models/whatsapp-template";

/** The customer's newest inbound message on one number (index IDX_whatsapp_message_inbound_session_phone_created). */
export const LAST_INBOUND_SQL = `SELECT created_at FROM whatsapp_message
  WHERE session_id = ? AND phone = ? AND direction = 'in' AND deleted_at IS NULL
  ORDER BY created_at DESC LIMIT 1`;

/** Distinct phones each number wrote to in the last 24 h (index IDX_whatsapp_message_outbound_session_created_phone). */
export const UNIQUE_USERS_24H_SQL = `SELECT session_id, count(DISTINCT phone)::int AS unique_users FROM whatsapp_message
  WHERE session_id = ANY(?::text[]) AND direction = 'out' AND status <> 'failed' AND deleted_at IS NULL
    AND created_at > now() - interval '24 hours'
  GROUP BY session_id`;

export async function lastInboundAt(db: Sql, sessionId: string, phone: string): Promise<Date | null> {
  const [row] = await rows(db, LAST_INBOUND_SQL, [sessionId, phone]);
  return row ? new Date(row.created_at as string | Date) : null;
}

export async function uniqueUsers24h(db: Sql, sessionIds: readonly string[]): Promise<Map<string, number>> {
  if (!sessionIds.length) return new Map();
  const found = await rows(db, UNIQUE_USERS_24H_SQL, [sessionIds]);
  return new Map(found.map((r) => [String(r.session_id), Number(r.unique_users)]));
}

/** The language the concierge heard the customer speak ("ms" / "en"); null when unknown or mixed. */
export async function customerLanguage(db: Sql, phone: string): Promise<string | null> {
  const [row] = await rows(db, `SELECT language FROM concierge_conversation WHERE phone = ? AND deleted_at IS NULL LIMIT 1`, [phone]);
  const language = row?.language;
  return language === "ms" || language === "en" ? language : null;
}

export interface TemplateRow extends KnownTemplate {
  id: string;
  session_id: string;
  category: string;
  components: unknown[];
  rejected_reason: string | null;
  synced_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const when = (v: unknown): Date | string => (v instanceof Date ? v : String(v));

/** A whatsapp_template row as read by TEMPLATE_COLUMNS. */
function toTemplateRow(r: SqlRow): TemplateRow {
  return {
    id: String(r.id),
    session_id: String(r.session_id),
    name: String(r.name),
    language: String(r.language),
    category: String(r.category),
    status: templateStatusOf(String(r.status)),
    components: Array.isArray(r.components) ? r.components : [],
    body_text: String(r.body_text ?? ""),
    param_count: Number(r.param_count),
    rejected_reason: r.rejected_reason === null || r.rejected_reason === undefined ? null : String(r.rejected_reason),
    synced_at: r.synced_at === null || r.synced_at === undefined ? null : when(r.synced_at),
    created_at: when(r.created_at),
    updated_at: when(r.updated_at),
  };
}

const TEMPLATE_COLUMNS = `id, session_id, name, language, category, status, components, body_text, param_count, rejected_reason, synced_at, created_at, updated_at`;

export async function findTemplate(db: Sql, sessionId: string, name: string, language: string): Promise<TemplateRow | null> {
  const [row] = await rows(db, `SELECT ${TEMPLATE_COLUMNS} FROM whatsapp_template WHERE session_id = ? AND name = ? AND language = ? AND deleted_at IS NULL`, [sessionId, name, language]);
  return row ? toTemplateRow(row) : null;
}

export async function listTemplateRows(db: Sql, sessionId: string): Promise<TemplateRow[]> {
  const found = await rows(db, `SELECT ${TEMPLATE_COLUMNS} FROM whatsapp_template WHERE session_id = ? AND deleted_at IS NULL ORDER BY name, language`, [sessionId]);
  return found.map(toTemplateRow);
}

/** A template as read from the account or submitted to it. */
export interface TemplateFromAccount {
  name: string;
  language: string;
  category: string;
  status: TemplateStatus;
  components: unknown[];
  body_text: string;
  param_count: number;
  rejected_reason: string | null;
}

const UPSERT_TEMPLATE = `INSERT INTO whatsapp_template (id, session_id, name, language, category, status, components, body_text, param_count, rejected_reason, synced_at)
  VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
  ON CONFLICT (session_id, name, language) WHERE deleted_at IS NULL DO UPDATE SET
    category = EXCLUDED.category, status = EXCLUDED.status, components = EXCLUDED.components, body_text = EXCLUDED.body_text,
    param_count = EXCLUDED.param_count, rejected_reason = EXCLUDED.rejected_reason, synced_at = COALESCE(EXCLUDED.synced_at, whatsapp_template.synced_at),
    updated_at = now()
  RETURNING ${TEMPLATE_COLUMNS}`;

function upsertBindings(sessionId: string, t: TemplateFromAccount, syncedAt: Date | null): unknown[] {
  return [
    generateEntityId(undefined, "wa_tpl"), sessionId, t.name, t.language, t.category, t.status, JSON.stringify(t.components),
    t.body_text, t.param_count, t.rejected_reason, syncedAt ? syncedAt.toISOString() : null,
  ];
}

/** One template written as the account shows it (a submit, before the next sync). */
export async function upsertTemplate(db: Sql, sessionId: string, template: TemplateFromAccount, syncedAt: Date | null): Promise<TemplateRow> {
  const [row] = await rows(db, UPSERT_TEMPLATE, upsertBindings(sessionId, template, syncedAt));
  return toTemplateRow(row!);
}

/**
 * The account's whole list, in one transaction: every template written as listed, and the ones no
 * longer on the account removed from the number's list.
 */
export async function replaceTemplates(db: SqlConnection, sessionId: string, listed: readonly TemplateFromAccount[], syncedAt: Date): Promise<void> {
  await db.transaction(async (trx) => {
    for (const template of listed) await trx.raw(UPSERT_TEMPLATE, upsertBindings(sessionId, template, syncedAt));
    await trx.raw(
      `UPDATE whatsapp_template SET deleted_at = now(), updated_at = now()
       WHERE session_id = ? AND deleted_at IS NULL AND NOT ((name || ':' || language) = ANY(?::text[]))`,
      [sessionId, listed.map((t) => `${t.name}:${t.language}`)],
    );
  });
}

/**
 * A status WhatsApp announced for a template (webhook `message_template_status_update`); true when a
 * stored template of a number on that account changed.
 */
export async function setTemplateStatus(db: Sql, sessionId: string, change: { name: string; language: string; status: TemplateStatus; reason?: string | null }): Promise<boolean> {
  const changed = await rows(
    db,
    `UPDATE whatsapp_template SET status = ?, rejected_reason = CASE WHEN ? = 'REJECTED' THEN ? ELSE NULL END, updated_at = now()
     WHERE session_id = ? AND name = ? AND language = ? AND deleted_at IS NULL RETURNING id`,
    [change.status, change.status, change.reason ?? null, sessionId, change.name, change.language],
  );
  return changed.length > 0;
}

export interface BindingRow {
  id: string;
  session_id: string;
  purpose: string;
  language: string;
  template_name: string;
  params: string[];
  updated_at: Date | string;
}

/** A whatsapp_template_binding row as read by BINDING_COLUMNS. */
function toBindingRow(r: SqlRow): BindingRow {
  return {
    id: String(r.id),
    session_id: String(r.session_id),
    purpose: String(r.purpose),
    language: String(r.language),
    template_name: String(r.template_name),
    params: Array.isArray(r.params) ? r.params.map(String) : [],
    updated_at: when(r.updated_at),
  };
}

const BINDING_COLUMNS = `id, session_id, purpose, language, template_name, params, updated_at`;

export async function listBindingRows(db: Sql, sessionId?: string): Promise<BindingRow[]> {
  const where = sessionId ? `AND session_id = ?` : "";
  const found = await rows(db, `SELECT ${BINDING_COLUMNS} FROM whatsapp_template_binding WHERE deleted_at IS NULL ${where} ORDER BY session_id, purpose, language`, sessionId ? [sessionId] : []);
  return found.map(toBindingRow);
}

/** The bindings of one purpose on a number, each with its template as stored. */
export async function bindingCandidates(db: Sql, sessionId: string, purpose: string): Promise<BindingCandidate[]> {
  const found = await rows(
    db,
    `SELECT b.language, b.template_name, b.params, t.name AS t_name, t.status, t.param_count, t.body_text
     FROM whatsapp_template_binding b
     LEFT JOIN whatsapp_template t ON t.session_id = b.session_id AND t.name = b.template_name AND t.language = b.language AND t.deleted_at IS NULL
     WHERE b.session_id = ? AND b.purpose = ? AND b.deleted_at IS NULL`,
    [sessionId, purpose],
  );
  return found.map((r) => ({
    language: String(r.language),
    template_name: String(r.template_name),
    params: (r.params as string[] | null) ?? [],
    template: r.t_name
      ? { name: String(r.t_name), language: String(r.language), status: r.status as TemplateStatus, param_count: Number(r.param_count), body_text: String(r.body_text ?? "") }
      : null,
  }));
}

export interface BindingChange {
  session_id: string;
  purpose: string;
  language: string;
  template_name: string | null;
  params: string[];
}

/** Sets (or with `template_name: null` removes) one binding; the row before, for the audit trail. */
export async function putBinding(db: SqlConnection, change: BindingChange): Promise<BindingRow | null> {
  return db.transaction(async (trx) => {
    const locked = await rows(
      trx,
      `SELECT ${BINDING_COLUMNS} FROM whatsapp_template_binding WHERE session_id = ? AND purpose = ? AND language = ? AND deleted_at IS NULL FOR UPDATE`,
      [change.session_id, change.purpose, change.language],
    );
    const [before] = locked.map(toBindingRow);
    if (change.template_name === null) {
      if (before) await trx.raw(`UPDATE whatsapp_template_binding SET deleted_at = now(), updated_at = now() WHERE id = ?`, [before.id]);
      return before ?? null;
    }
    await trx.raw(
      `INSERT INTO whatsapp_template_binding (id, session_id, purpose, language, template_name, params)
       VALUES (?, ?, ?, ?, ?, ?::jsonb)
       ON CONFLICT (session_id, purpose, language) WHERE deleted_at IS NULL DO UPDATE SET
         template_name = EXCLUDED.template_name, params = EXCLUDED.params, updated_at = now()`,
      [generateEntityId(undefined, "wa_tbind"), change.session_id, change.purpose, change.language, change.template_name, JSON.stringify(change.params)],
    );
    return before ?? null;
  });
}
