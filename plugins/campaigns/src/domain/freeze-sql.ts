import type { SqlStatement } from "./audience-sql";
import type { RoutingPlan } from "./routing";

/** The idempotency key of one person of one run: `campaign:<id>:<who>` for run 1, `campaign:<id>:r<n>:<who>` after. */
export function recipientKeyPrefix(campaignId: string, runNo: number): string {
  return runNo === 1 ? `campaign:${campaignId}:` : `campaign:${campaignId}:r${runNo}:`;
}

/** Recipient ids sort in freeze order within a run: `crcp_<campaign suffix>r<n>_<0000001>`. */
export function recipientIdPrefix(campaignId: string, runNo: number): string {
  return `crcp_${campaignId.replace(/^camp_/, "")}r${runNo}_`;
}

/**
 * Every variable a recipient can have from the CRM, as of now: `nama` (the name), `model` (the device of the
 * warranty ending soonest, else the newest device), `expiry_date` (that warranty's end, ISO), `job_number`
 * (the newest job). Columns of `x` used: customer_id, phone.
 */
const CRM_VALUES = `jsonb_strip_nulls(jsonb_build_object(
      'nama', x.name,
      'model', COALESCE(w.device, dv.device),
      'expiry_date', to_char(w.ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
      'job_number', jb.job_number,
      'shop_name', ?::text))`;

const CRM_LOOKUPS = `LEFT JOIN LATERAL (
    SELECT w.device, w.ends_at FROM customer_customer_repair_repair_job lw
    JOIN repair_warranty w ON w.repair_job_id = lw.repair_job_id AND w.deleted_at IS NULL AND w.voided_at IS NULL AND w.ends_at >= now()
    WHERE lw.customer_id = x.customer_id AND lw.deleted_at IS NULL ORDER BY w.ends_at LIMIT 1) w ON true
  LEFT JOIN LATERAL (
    SELECT btrim(d.brand || ' ' || d.model) AS device FROM customer_customer_crm_device ld
    JOIN device d ON d.id = ld.device_id AND d.deleted_at IS NULL
    WHERE ld.customer_id = x.customer_id AND ld.deleted_at IS NULL ORDER BY d.created_at DESC, d.id DESC LIMIT 1) dv ON true
  LEFT JOIN LATERAL (
    SELECT j.job_number FROM customer_customer_repair_repair_job lj
    JOIN repair_job j ON j.id = lj.repair_job_id AND j.deleted_at IS NULL
    WHERE lj.customer_id = x.customer_id AND lj.deleted_at IS NULL ORDER BY j.created_at DESC, j.id DESC LIMIT 1) jb ON true
  LEFT JOIN LATERAL (
    SELECT cc.language FROM concierge_conversation cc
    WHERE cc.phone = x.phone AND cc.deleted_at IS NULL AND cc.language IN ('ms', 'en') LIMIT 1) lang ON true`;

export interface FreezeInput {
  campaignId: string;
  runNo: number;
  /** From planRouting (domain/routing.ts). */
  plan: RoutingPlan;
  /** auto routing: a chat with the phone within this many days makes the contact warm. */
  recentChatDays: number;
  /** The launch's clock: the window and the recent chat are measured back from it. */
  now: Date;
  shopName: string;
}

/**
 * Warm under auto routing (domain/routing.ts `isWarmContact`): an inbound message within 24 h (the window is open)
 * or any message within `recent_chat_days` other than our own campaign sends. Both probes are correlated
 * `LIMIT 1` lookups on the (phone, created_at) index of the message log, one per candidate (an EXISTS may be
 * planned as a hash of every recent message instead). Column of `cand` used: phone.
 */
const WARM_SQL = `(?::text = 'auto' AND (
      COALESCE((SELECT true FROM whatsapp_message m WHERE m.phone = cand.phone AND m.deleted_at IS NULL AND m.direction = 'in'
        AND m.created_at > ?::timestamptz - interval '24 hours' LIMIT 1), false)
      OR COALESCE((SELECT true FROM whatsapp_message m WHERE m.phone = cand.phone AND m.deleted_at IS NULL
        AND m.created_at > ?::timestamptz - make_interval(days => ?::int)
        AND (m.direction = 'in' OR m.context_kind IS DISTINCT FROM 'campaign') LIMIT 1), false)))`;

/**
 * Freezes a run: one recipient row per candidate, in candidate order. Each eligible candidate gets a lane (fixed
 * routing: chat, i.e. the round-robin over session_ids; auto: chat when warm and a chat number exists, else the
 * template's number, else skipped `no_template_route`), then a sender round-robin within the chat lane, and its
 * `route` (the template's number sends the template). The excluded are `skipped` with their reason. The language
 * is the concierge conversation's (ms / en), else "ms". Answers nothing; count with recipientCountsSql.
 */
export function freezeRecipientsSql(candidates: SqlStatement, input: FreezeInput): SqlStatement {
  const { plan } = input;
  if (!plan.chatSessionIds.length && !plan.templateSessionId) throw new Error("a run needs at least one sender");
  return {
    sql: `INSERT INTO campaign_recipient (id, campaign_id, run_no, customer_id, phone, name, language, "values", session_id,
    route, status, reason, idempotency_key, created_at, updated_at)
SELECT ?::text || lpad(x.n::text, 7, '0'), ?::text, ?::int, x.customer_id, COALESCE(x.phone, ''), x.name,
  COALESCE(lang.language, 'ms'),
  ${CRM_VALUES} || x.list_values,
  x.sender,
  CASE WHEN x.sender IS NULL THEN NULL WHEN x.sender = ?::text THEN 'template' ELSE 'chat' END,
  CASE WHEN x.sender IS NULL THEN 'skipped' ELSE 'queued' END,
  CASE WHEN x.sender IS NULL THEN COALESCE(x.excluded_reason, 'no_template_route') END,
  ?::text || COALESCE(x.customer_id, x.phone, 'line-' || x.n::text),
  now(), now()
FROM (
  SELECT y.*, CASE y.lane
      WHEN 'chat' THEN (?::jsonb ->> ((row_number() OVER (PARTITION BY y.lane ORDER BY y.sort_at, y.sort_id) - 1) % GREATEST(?::int, 1))::int)
      WHEN 'template' THEN ?::text END AS sender
  FROM (
    SELECT c.*, CASE
        WHEN c.excluded_reason IS NOT NULL THEN NULL
        WHEN ?::text = 'fixed' THEN 'chat'
        WHEN c.warm AND ?::int > 0 THEN 'chat'
        WHEN ?::text IS NOT NULL THEN 'template'
      END AS lane
    FROM (
      SELECT cand.*, row_number() OVER (ORDER BY cand.sort_at, cand.sort_id) AS n, ${WARM_SQL} AS warm
      FROM (${candidates.sql}) cand
    ) c
  ) y
) x
${CRM_LOOKUPS}`,
    bindings: [
      recipientIdPrefix(input.campaignId, input.runNo),
      input.campaignId,
      input.runNo,
      input.shopName,
      plan.templateSessionId,
      recipientKeyPrefix(input.campaignId, input.runNo),
      JSON.stringify(plan.chatSessionIds),
      plan.chatSessionIds.length,
      plan.templateSessionId,
      plan.routing,
      plan.chatSessionIds.length,
      plan.templateSessionId,
      plan.routing,
      input.now,
      input.now,
      input.recentChatDays,
      ...candidates.bindings,
    ],
  };
}

/**
 * The eligible audience by lane at a launch now (the preview's split): `chat` and `template` under auto routing;
 * under fixed routing every eligible person counts as `chat` (the caller deals them over the numbers).
 */
export function routeCountsSql(candidates: SqlStatement, plan: RoutingPlan, recentChatDays: number, now: Date): SqlStatement {
  return {
    sql: `SELECT count(*) FILTER (WHERE l.lane = 'chat')::int AS chat, count(*) FILTER (WHERE l.lane = 'template')::int AS template
FROM (
  SELECT CASE WHEN ?::text = 'fixed' THEN 'chat' WHEN c.warm AND ?::int > 0 THEN 'chat' WHEN ?::text IS NOT NULL THEN 'template' END AS lane
  FROM (SELECT ${WARM_SQL} AS warm FROM (${candidates.sql}) cand WHERE cand.excluded_reason IS NULL) c
) l`,
    bindings: [plan.routing, plan.chatSessionIds.length, plan.templateSessionId, plan.routing, now, now, recentChatDays, ...candidates.bindings],
  };
}

/**
 * The CRM values of one person (preview, test send) with the same rules as the freeze: columns values, language.
 */
export function personValuesSql(customerId: string | null, phone: string | null, name: string | null, shopName: string): SqlStatement {
  return {
    sql: `SELECT ${CRM_VALUES} AS "values", COALESCE(lang.language, 'ms') AS language
FROM (SELECT ?::text AS customer_id, ?::text AS phone, ?::text AS name) x
${CRM_LOOKUPS}`,
    bindings: [shopName, customerId, phone, name],
  };
}

/** Recipients of one run by status. */
export function recipientCountsSql(campaignId: string, runNo: number): SqlStatement {
  return {
    sql: `SELECT status, count(*)::int AS n FROM campaign_recipient WHERE campaign_id = ? AND run_no = ? GROUP BY status`,
    bindings: [campaignId, runNo],
  };
}

/**
 * How many eligible people of an audience lack each variable (no value from the CRM or their list row):
 * one column per variable name, plus `total`. Variable names must be plain words (they become column aliases).
 */
export function missingVariablesSql(candidates: SqlStatement, variables: readonly string[], shopName: string): SqlStatement {
  const names = variables.filter((v) => /^[a-z][a-z0-9_]{0,39}$/.test(v) && v !== "optout_link");
  const columns = names.map((v) => `count(*) FILTER (WHERE NULLIF(v.values ->> '${v}', '') IS NULL)::int AS "${v}"`);
  return {
    sql: `SELECT count(*)::int AS total${columns.length ? ", " + columns.join(", ") : ""}
FROM (
  SELECT ${CRM_VALUES} || x.list_values AS "values"
  FROM (SELECT cand.* FROM (${candidates.sql}) cand WHERE cand.excluded_reason IS NULL) x
  ${CRM_LOOKUPS}
) v`,
    bindings: [shopName, ...candidates.bindings],
  };
}
