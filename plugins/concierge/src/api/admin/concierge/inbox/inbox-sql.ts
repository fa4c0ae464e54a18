import { rows, type Sql } from "@voltura/medusa-kit";

/**
 * GET /admin/concierge/inbox as SQL (Migration20261206191200): the chats by last activity (the
 * concierge's last turn, or when the chat was opened), newest first, a page at a time with a
 * keyset cursor; the handoffs still to answer, escalated first then oldest first.
 */

export interface SqlPart {
  sql: string;
  bindings: unknown[];
}

/** Open and claimed handoffs shown at most (a busy shop has a handful). */
export const INBOX_HANDOFFS_SHOWN = 200;

const LAST_ACTIVITY = `coalesce(last_message_at, created_at)`;
const CONVERSATION_COLUMNS = `id, phone, customer_id, mode, summary, recent_turns, language, last_message_at,
  to_char(${LAST_ACTIVITY} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || ',' || id AS next_cursor`;
const HANDOFF_COLUMNS = `id, phone, customer_id, reason, summary, job_number, status, assigned_to, assigned_name, opened_at,
  last_staff_reply_at, escalated_at, closed_at, closed_by`;

/** One page of chats (one row more than asked: whether another page exists) and the handoffs. */
export function inboxStatements(page: { limit: number; before?: { at: string; id: string } }): { conversations: SqlPart; handoffs: SqlPart } {
  const after = page.before ? ` AND (${LAST_ACTIVITY}, id) < (?::timestamptz, ?)` : "";
  return {
    conversations: {
      sql: `SELECT ${CONVERSATION_COLUMNS} FROM concierge_conversation WHERE deleted_at IS NULL${after}
        ORDER BY ${LAST_ACTIVITY} DESC, id DESC LIMIT ?`,
      bindings: [...(page.before ? [page.before.at, page.before.id] : []), page.limit + 1],
    },
    handoffs: {
      sql: `SELECT ${HANDOFF_COLUMNS} FROM concierge_handoff WHERE deleted_at IS NULL AND status IN ('open', 'claimed')
        ORDER BY (escalated_at IS NOT NULL) DESC, opened_at ASC, id ASC LIMIT ${INBOX_HANDOFFS_SHOWN}`,
      bindings: [],
    },
  };
}

/** The customers' display names (company when there is no person's name), by id, so the inbox shows names, not bare phones. */
export async function customerNames(db: Sql, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const found = await rows(
    db,
    `SELECT id, trim(concat_ws(' ', first_name, last_name)) AS name, company_name FROM customer WHERE id = ANY(?) AND deleted_at IS NULL`,
    [wanted],
  );
  return new Map(found.map((r) => [String(r.id), String(r.name || r.company_name || "").trim()] as const).filter(([, name]) => name !== ""));
}
