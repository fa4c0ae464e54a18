import { countsAgainstSender } from "@voltura/whatsapp-transport";
import { FAILURE_WINDOW_MS, MAX_FAILURE_MARKS } from "../../domain/session-signals";

export interface RefusalInput {
  session_id: string;
  /** A send refused at once: the message by id, only while `claimed_by` holds its claim… */
  message_id?: string;
  claimed_by?: string;
  /** …or a refusal in WhatsApp's acknowledgement: the message by its WhatsApp id. */
  wa_message_id?: string;
  status_code: number;
  error: string;
}

/**
 * One statement, so one transaction: the message fails for good (a retry would count as another
 * reach-out), and a 463 / 401 / 403 leaves a mark on the session (newest first, the last 24 h, at
 * most 200). Knex placeholders only: no jsonb `?` operator.
 */
export const REFUSAL_SQL = `
WITH refused AS (
  UPDATE whatsapp_message SET status = 'failed', status_changed_at = now(), updated_at = now(), error = ?,
         lease_until = NULL, claimed_by = NULL
   WHERE session_id = ? AND direction = 'out' AND status IN ('pending', 'sent')
     AND (id = ? OR wa_message_id = ?)
     AND (?::text IS NULL OR claimed_by = ?)
  RETURNING id
), marked AS (
  UPDATE whatsapp_session SET updated_at = now(), send_failures = (
    SELECT COALESCE(jsonb_agg(kept.mark ORDER BY kept.n), '[]'::jsonb) FROM (
      SELECT e.mark, e.n
        FROM jsonb_array_elements(
               jsonb_build_array(jsonb_build_object('status_code', ?::int, 'at', to_jsonb(now())))
               || COALESCE(send_failures, '[]'::jsonb)) WITH ORDINALITY AS e(mark, n)
       WHERE (e.mark->>'at')::timestamptz > now() - make_interval(secs => ?)
       ORDER BY e.n
       LIMIT ?) kept)
   WHERE id = ? AND ?::boolean
  RETURNING id
)
SELECT (SELECT id FROM refused) AS message_id, (SELECT count(*) FROM marked)::int AS marked`;

export function refusalBindings(input: RefusalInput): unknown[] {
  const claimedBy = input.claimed_by ?? null;
  return [
    input.error.slice(0, 500), input.session_id, input.message_id ?? null, input.wa_message_id ?? null, claimedBy, claimedBy,
    input.status_code, FAILURE_WINDOW_MS / 1000, MAX_FAILURE_MARKS, input.session_id, countsAgainstSender(input.status_code),
  ];
}
