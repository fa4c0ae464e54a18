// Four years of monthly WhatsApp campaigns, all completed: about 1M recipient rows (one campaign of
// 50,000, the newest) with their campaign messages in the message log. Recipients are distinct
// customers per campaign (a stride walk over the customers), in final states with the shares a
// real blast ends with: read, delivered, sent, failed by reason, skipped by reason, some replies,
// opt-outs and conversions.
import { windowSql } from "./context.mjs";
import { anyScaleRow, literal, textArray } from "./sql.mjs";

const NAMES = ["Promosi Hari Raya", "Warranty reminder", "Tawaran skrin", "Back to school laptop check", "Servis bateri", "Year-end sale"];
const FAILED = ["463", "not_on_whatsapp", "session_unavailable"];
const SKIPPED = ["opted_out", "blacklisted", "contact_cap", "invalid_phone"];
// The customer walk: a stride coprime with any customer count that is not a multiple of 7919.
const STRIDE = 7919;

export const campaignsStep = {
  name: "campaigns",
  marker: anyScaleRow("campaign", "camp"),
  script: ({ size, until, shop }) => `
${windowSql(until)}
CREATE TEMP TABLE scamp ON COMMIT DROP AS
  SELECT c,
         -- campaign 1 is the newest and the biggest; the others go back one month each.
         CASE WHEN c = 1 THEN LEAST(${size.bigCampaign}, ${size.customers})
              ELSE LEAST(${Math.max(1, Math.round((size.campaignRecipients - size.bigCampaign) / Math.max(1, size.campaigns - 1)))}, ${size.customers}) END AS recipients,
         ((SELECT until FROM scale_window) - interval '1 month' * c + interval '9 hours') AS launched_at
    FROM generate_series(1::bigint, ${size.campaigns}) AS c;
-- A send every 45 s: the run completes after its last recipient.
ALTER TABLE scamp ADD COLUMN completed_at timestamptz;
UPDATE scamp SET completed_at = launched_at + interval '45 seconds' * recipients;

INSERT INTO campaign (id, name, description, status, session_ids, schedule, template_ms, template_en, fallbacks, audience,
                      run_no, launched_at, completed_at, created_at, updated_at)
  SELECT pg_temp.sid('camp', c), (${textArray(NAMES)})[1 + pg_temp.pick(c, 71, ${NAMES.length})] || ' ' || to_char(launched_at, 'Mon YYYY'),
         'Seeded history', 'completed', jsonb_build_array(${literal(shop.session)}), '{"kind":"at"}'::jsonb || jsonb_build_object('at', launched_at),
         '{Hai|Salam} {nama}, ada tawaran untuk {model} anda. {optout_link}', '{Hi|Hello} {nama}, an offer for your {model}. {optout_link}',
         '{"nama":"pelanggan","model":"peranti"}'::jsonb, '{"mode":"filter","filter":{},"freeze_at_launch":true}'::jsonb,
         1, launched_at, completed_at, launched_at - interval '2 days', completed_at
    FROM scamp;
INSERT INTO campaign_event (id, campaign_id, from_status, to_status, action, actor_name, run_no, created_at, updated_at)
  SELECT pg_temp.sid('cevt', c * 3 + e), pg_temp.sid('camp', c), (ARRAY[NULL, 'draft', 'running'])[e + 1], (ARRAY['draft', 'running', 'completed'])[e + 1],
         (ARRAY['create', 'launch', 'complete'])[e + 1], 'Seeded staff', 1,
         (ARRAY[launched_at - interval '2 days', launched_at, completed_at])[e + 1], (ARRAY[launched_at - interval '2 days', launched_at, completed_at])[e + 1]
    FROM scamp, generate_series(0, 2) AS e;
SELECT 'mark', 'campaign', clock_timestamp();

CREATE TEMP TABLE srcp ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY s.c, j) AS n, s.c, j, s.launched_at,
         1 + ((j * ${STRIDE} + s.c * 104729) % ${size.customers}) AS k
    FROM scamp s, generate_series(0::bigint, s.recipients - 1) AS j;
CREATE TEMP TABLE srcp2 ON COMMIT DROP AS
  SELECT r.n, r.c, r.k, cu.id AS customer_id, cu.phone, trim(cu.first_name || ' ' || cu.last_name) AS name,
         pg_temp.rnd(r.n, 72) AS u, r.launched_at, r.launched_at + interval '45 seconds' * r.j AS sent_at
    FROM srcp r JOIN customer cu ON cu.id = pg_temp.sid('cus', r.k);
ANALYZE srcp2;

INSERT INTO campaign_recipient (id, campaign_id, run_no, customer_id, phone, name, language, session_id, status, reason,
                                idempotency_key, body, message_id, claimed_at, sent_at, delivered_at, read_at, failed_at,
                                replied_at, opted_out_at, converted_at, created_at, updated_at)
  SELECT pg_temp.sid('crcp', n), pg_temp.sid('camp', c), 1, customer_id, phone, name, CASE WHEN u < 0.7 THEN 'ms' ELSE 'en' END,
         ${literal(shop.session)}, st.status, st.reason, 'campaign:' || pg_temp.sid('camp', c) || ':' || customer_id,
         CASE WHEN st.went THEN 'Hai ' || name || ', ada tawaran untuk peranti anda.' END,
         CASE WHEN st.went THEN pg_temp.sid('wacmp', n) END,
         CASE WHEN st.status <> 'skipped' THEN sent_at END,
         CASE WHEN st.went THEN sent_at END,
         CASE WHEN st.status IN ('delivered', 'read') THEN sent_at + interval '5 minutes' END,
         CASE WHEN st.status = 'read' THEN sent_at + interval '2 hours' END,
         CASE WHEN st.status = 'failed' THEN sent_at END,
         CASE WHEN st.status = 'read' AND u > 0.55 - 0.08 AND u <= 0.55 THEN sent_at + interval '3 hours' END,
         CASE WHEN st.status = 'read' AND u > 0.005 AND u <= 0.012 THEN sent_at + interval '4 hours' END,
         CASE WHEN st.status = 'read' AND u > 0.3 AND u <= 0.33 THEN sent_at + interval '6 days' END,
         launched_at, coalesce(sent_at + interval '2 hours', launched_at)
    FROM srcp2,
         LATERAL (SELECT CASE WHEN u <= 0.55 THEN 'read' WHEN u <= 0.75 THEN 'delivered' WHEN u <= 0.85 THEN 'sent'
                              WHEN u <= 0.9 THEN 'failed' ELSE 'skipped' END AS status) s0,
         LATERAL (SELECT s0.status, s0.status IN ('sent', 'delivered', 'read') AS went,
                         CASE s0.status WHEN 'failed' THEN (${textArray(FAILED)})[1 + pg_temp.pick(n, 73, ${FAILED.length})]
                                        WHEN 'skipped' THEN (${textArray(SKIPPED)})[1 + pg_temp.pick(n, 74, ${SKIPPED.length})] END AS reason) st;
SELECT 'mark', 'campaign_recipient', clock_timestamp();

INSERT INTO whatsapp_message (id, session_id, direction, phone, customer_id, body, wa_message_id, status, status_changed_at,
                              context_kind, context_ref, idempotency_key, simulated, created_at, updated_at)
  SELECT r.message_id, r.session_id, 'out', r.phone, r.customer_id, r.body, 'SCALEC' || substr(r.id, 12), r.status,
         coalesce(r.read_at, r.delivered_at, r.sent_at), 'campaign', r.id, r.idempotency_key, false, r.sent_at, r.sent_at
    FROM campaign_recipient r
   WHERE r.id COLLATE "C" >= 'crcp_scale_' AND r.id COLLATE "C" < 'crcp_scale\`' AND r.message_id IS NOT NULL;
SELECT 'mark', 'whatsapp_message (campaign)', clock_timestamp();

SELECT 'campaign', count(*) FROM scamp
UNION ALL SELECT 'campaign_recipient', count(*) FROM srcp2
UNION ALL SELECT 'campaign_recipient (biggest campaign)', count(*) FROM srcp2 WHERE c = 1;
`,
};
