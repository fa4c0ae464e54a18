// 1M WhatsApp messages on the shop's session over five years, spread over the first customers'
// chats (a `whatsapp_contact` each), one chat with 5,000 messages. No message is pending under an
// idempotency key, so nothing looks stuck to the integrity check.
import { CHAT_LINES } from "./names.mjs";
import { anyScaleRow, literal, textArray } from "./sql.mjs";
import { windowSql } from "./context.mjs";

const OUT_KINDS = ["staff", "staff", "concierge", "concierge", "reminder", "quote", "receipt"];

export const whatsappStep = {
  name: "whatsapp",
  marker: anyScaleRow("whatsapp_message", "wamsg"),
  script: ({ size, until, shop }) => `
${windowSql(until)}
CREATE TEMP TABLE wcontact ON COMMIT DROP AS
  SELECT k, c.id AS customer_id, c.phone, trim(c.first_name || ' ' || c.last_name) AS name, c.created_at
    FROM generate_series(1::bigint, ${size.contacts}) AS k JOIN customer c ON c.id = pg_temp.sid('cus', k);

INSERT INTO whatsapp_contact (id, phone, customer_id, name, created_at, updated_at)
  SELECT pg_temp.sid('wact', k), phone, customer_id, name, created_at, created_at FROM wcontact
  ON CONFLICT (phone) DO NOTHING;
SELECT 'mark', 'whatsapp_contact', clock_timestamp();

-- Message m: the first ${size.bigChat} make one long chat over the last year; the rest follow the shop's growth.
CREATE TEMP TABLE wmsg ON COMMIT DROP AS
  SELECT m,
         CASE WHEN m <= ${size.bigChat} THEN 1 ELSE 2 + pg_temp.pick(m, 51, ${size.contacts - 1}) END AS k,
         pg_temp.moment(CASE WHEN m <= ${size.bigChat} THEN 0.8 + 0.2 * m / ${size.bigChat} ELSE m::float8 / ${size.messages} END, m, 52) AS at,
         CASE WHEN pg_temp.rnd(m, 53) < 0.5 THEN 'in' ELSE 'out' END AS direction
    FROM generate_series(1::bigint, ${size.messages}) AS m;
ANALYZE wmsg; ANALYZE wcontact;

INSERT INTO whatsapp_message (id, session_id, direction, phone, customer_id, body, wa_message_id, status, status_changed_at,
                              context_kind, sender_name, simulated, created_at, updated_at)
  SELECT pg_temp.sid('wamsg', w.m), ${literal(shop.session)}, w.direction, c.phone, c.customer_id,
         CASE w.direction WHEN 'in' THEN (${textArray(CHAT_LINES.in)})[1 + pg_temp.pick(w.m, 54, ${CHAT_LINES.in.length})]
                          ELSE (${textArray(CHAT_LINES.out)})[1 + pg_temp.pick(w.m, 54, ${CHAT_LINES.out.length})] END,
         'SCALE' || w.m,
         CASE WHEN w.direction = 'in' THEN 'delivered'
              ELSE (ARRAY['read', 'read', 'read', 'read', 'read', 'read', 'delivered', 'delivered', 'sent', 'failed'])[1 + pg_temp.pick(w.m, 55, 10)] END,
         w.at + interval '1 minute',
         CASE WHEN w.direction = 'out' THEN (${textArray(OUT_KINDS)})[1 + pg_temp.pick(w.m, 56, ${OUT_KINDS.length})] END,
         CASE WHEN w.direction = 'in' THEN c.name END,
         false, w.at, w.at + interval '1 minute'
    FROM wmsg w JOIN wcontact c ON c.k = w.k;
SELECT 'mark', 'whatsapp_message', clock_timestamp();

SELECT 'whatsapp_contact', count(*) FROM wcontact
UNION ALL SELECT 'whatsapp_message', count(*) FROM wmsg
UNION ALL SELECT 'whatsapp_message (longest chat)', count(*) FROM wmsg WHERE k = 1;
`,
};

// The concierge inbox over those chats: one conversation per phone, its last turn the chat's latest
// message; every 150th chat was handed to a person (closed since, but for a handful still open or claimed).
export const conciergeInboxStep = {
  name: "concierge inbox",
  marker: anyScaleRow("concierge_conversation", "conv"),
  script: () => `
CREATE TEMP TABLE wlast ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY phone) AS k, * FROM (
    SELECT DISTINCT ON (m.phone) m.phone, m.customer_id, m.id, m.body, m.created_at
      FROM whatsapp_message m
     WHERE m.id COLLATE "C" >= 'wamsg_scale_' AND m.id COLLATE "C" < 'wamsg_scale\`' AND m.deleted_at IS NULL
     ORDER BY m.phone, m.created_at DESC, m.id DESC) latest;

INSERT INTO concierge_conversation (id, phone, customer_id, mode, summary, recent_turns, language, last_message_at, created_at, updated_at)
  SELECT pg_temp.sid('conv', k), phone, customer_id, CASE WHEN k % 1500 = 0 THEN 'handoff' ELSE 'bot' END, '',
         jsonb_build_array(jsonb_build_object('message_id', id, 'customer', body, 'reply', '', 'language', 'mixed', 'handoff', k % 1500 = 0,
           'at', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))),
         'mixed', created_at, created_at - interval '30 days', created_at
    FROM wlast
  ON CONFLICT (phone) WHERE deleted_at IS NULL DO NOTHING;
SELECT 'mark', 'concierge_conversation', clock_timestamp();

INSERT INTO concierge_handoff (id, phone, customer_id, reason, status, assigned_to, assigned_name, opened_at, escalated_at, closed_at, closed_by, created_at, updated_at)
  SELECT pg_temp.sid('hoff', k), phone, customer_id, 'Customer asked for a person',
         CASE WHEN k % 3000 = 0 THEN 'claimed' WHEN k % 1500 = 0 THEN 'open' ELSE 'closed' END,
         CASE WHEN k % 3000 = 0 THEN 'seed' END, CASE WHEN k % 3000 = 0 THEN 'Seeded staff' END,
         created_at, CASE WHEN k % 4500 = 0 THEN created_at + interval '30 minutes' END,
         CASE WHEN k % 1500 <> 0 THEN created_at + interval '2 hours' END, CASE WHEN k % 1500 <> 0 THEN 'seed' END,
         created_at, created_at
    FROM wlast WHERE k % 150 = 0;
SELECT 'mark', 'concierge_handoff', clock_timestamp();

SELECT 'concierge_conversation', count(*) FROM wlast
UNION ALL SELECT 'concierge_handoff (open or claimed)', count(*) FROM wlast WHERE k % 1500 = 0;
`,
};
