import type { AudienceFilter } from "@voltura/contracts";

/** A statement for knex raw: `?` placeholders and their values, in order. */
export interface SqlStatement {
  sql: string;
  bindings: unknown[];
}

/** E.164 as the gateway stores it: "+", a country code not starting with 0, 8–15 digits in all. */
export const E164_PATTERN = "^\\+[1-9][0-9]{7,14}$";

const lowerAll = (values: readonly string[]) => [...new Set(values.map((v) => v.trim().toLowerCase()).filter(Boolean))];

/**
 * The WHERE conditions over Medusa's `customer c` for a filter. Every criterion must hold; values inside
 * one list are alternatives. Device type and brand must hold for the same device. `now` is bound so the
 * warranty window is the caller's clock.
 */
export function audienceConditions(filter: AudienceFilter, now: Date): SqlStatement {
  const parts: string[] = ["c.deleted_at IS NULL"];
  const bindings: unknown[] = [];

  const profileClauses: string[] = [];
  const profileBindings: unknown[] = [];
  if (filter.customer_types?.length) {
    profileClauses.push("p.customer_type = ANY(?::text[])");
    profileBindings.push([...new Set(filter.customer_types)]);
  }
  if (filter.tags?.length) {
    const tags = lowerAll(filter.tags);
    profileClauses.push(`(${tags.map(() => "p.tags @> ?::jsonb").join(" OR ")})`);
    profileBindings.push(...tags.map((tag) => JSON.stringify([tag])));
  }
  if (filter.last_visit_before) {
    profileClauses.push("p.last_visit_at < ?::timestamptz");
    profileBindings.push(filter.last_visit_before);
  }
  if (filter.last_visit_after) {
    profileClauses.push("p.last_visit_at >= ?::timestamptz");
    profileBindings.push(filter.last_visit_after);
  }
  if (profileClauses.length) {
    parts.push(`EXISTS (SELECT 1 FROM customer_customer_crm_customer_profile lp
      JOIN customer_profile p ON p.id = lp.customer_profile_id AND p.deleted_at IS NULL
      WHERE lp.customer_id = c.id AND lp.deleted_at IS NULL AND ${profileClauses.join(" AND ")})`);
    bindings.push(...profileBindings);
  }

  const deviceClauses: string[] = [];
  const deviceBindings: unknown[] = [];
  if (filter.device_types?.length) {
    deviceClauses.push("d.device_type = ANY(?::text[])");
    deviceBindings.push([...new Set(filter.device_types)]);
  }
  if (filter.brands?.length) {
    deviceClauses.push("lower(d.brand) = ANY(?::text[])");
    deviceBindings.push(lowerAll(filter.brands));
  }
  if (deviceClauses.length) {
    parts.push(`EXISTS (SELECT 1 FROM customer_customer_crm_device ld
      JOIN device d ON d.id = ld.device_id AND d.deleted_at IS NULL
      WHERE ld.customer_id = c.id AND ld.deleted_at IS NULL AND ${deviceClauses.join(" AND ")})`);
    bindings.push(...deviceBindings);
  }

  if (filter.bought_product_ids?.length) {
    parts.push(`EXISTS (SELECT 1 FROM pos_sale s JOIN pos_sale_line sl ON sl.sale_id = s.id AND sl.deleted_at IS NULL
      WHERE s.customer_id = c.id AND s.deleted_at IS NULL AND s.status = 'completed' AND sl.product_id = ANY(?::text[]))`);
    bindings.push([...new Set(filter.bought_product_ids)]);
  }
  if (filter.bought_category_ids?.length) {
    parts.push(`EXISTS (SELECT 1 FROM pos_sale s JOIN pos_sale_line sl ON sl.sale_id = s.id AND sl.deleted_at IS NULL
      JOIN product_category_product pcp ON pcp.product_id = sl.product_id
      WHERE s.customer_id = c.id AND s.deleted_at IS NULL AND s.status = 'completed' AND pcp.product_category_id = ANY(?::text[]))`);
    bindings.push([...new Set(filter.bought_category_ids)]);
  }
  if (filter.spent_above_sen !== undefined) {
    // Counter sales net of refunds plus issued repair invoices, summed per customer once (not per candidate).
    parts.push(`c.id IN (SELECT spend.customer_id FROM (
        SELECT s.customer_id, s.total_sen - s.refunded_sen AS sen FROM pos_sale s
        WHERE s.customer_id IS NOT NULL AND s.deleted_at IS NULL AND s.status = 'completed'
        UNION ALL
        SELECT lj.customer_id, ri.total_sen FROM customer_customer_repair_repair_job lj
        JOIN repair_invoice ri ON ri.repair_job_id = lj.repair_job_id AND ri.deleted_at IS NULL
        WHERE lj.deleted_at IS NULL) spend
      GROUP BY spend.customer_id HAVING sum(spend.sen) > ?)`);
    bindings.push(filter.spent_above_sen);
  }
  if (filter.warranty_expiring_within_days !== undefined) {
    parts.push(`EXISTS (SELECT 1 FROM customer_customer_repair_repair_job lw
      JOIN repair_warranty w ON w.repair_job_id = lw.repair_job_id AND w.deleted_at IS NULL AND w.voided_at IS NULL
      WHERE lw.customer_id = c.id AND lw.deleted_at IS NULL
        AND w.ends_at >= ?::timestamptz AND w.ends_at < ?::timestamptz + make_interval(days => ?))`);
    bindings.push(now.toISOString(), now.toISOString(), filter.warranty_expiring_within_days);
  }
  if (filter.job_statuses?.length) {
    parts.push(`EXISTS (SELECT 1 FROM customer_customer_repair_repair_job ls
      JOIN repair_job j ON j.id = ls.repair_job_id AND j.deleted_at IS NULL
      WHERE ls.customer_id = c.id AND ls.deleted_at IS NULL AND j.status = ANY(?::text[]))`);
    bindings.push([...new Set(filter.job_statuses)]);
  }
  return { sql: parts.join("\n  AND "), bindings };
}

/**
 * Why a person is left out, first reason that holds: a number that is not E.164, an opted-out WhatsApp
 * contact, an active blacklist row, or a second person with the same number (the oldest customer keeps it).
 * `m` must have `phone`, `sort_at` and `sort_id` columns (the freeze order; the first of a phone keeps it).
 */
export const EXCLUSION_CASE = `CASE
    WHEN m.phone IS NULL OR m.phone !~ '${E164_PATTERN}' THEN 'invalid_phone'
    WHEN oo.phone IS NOT NULL THEN 'opted_out'
    WHEN bl.phone IS NOT NULL THEN 'blacklisted'
    WHEN row_number() OVER (PARTITION BY m.phone ORDER BY m.sort_at, m.sort_id) > 1 THEN 'duplicate_phone'
    ELSE NULL END`;

/** The opted-out contacts and the active blacklist, joined once (hash joins) rather than probed per person. */
const EXCLUSION_JOINS = `LEFT JOIN (SELECT wc.phone FROM whatsapp_contact wc WHERE wc.opted_out_at IS NOT NULL GROUP BY wc.phone) oo ON oo.phone = m.phone
LEFT JOIN (SELECT b.phone FROM campaign_blacklist b WHERE b.removed_at IS NULL AND b.deleted_at IS NULL GROUP BY b.phone) bl ON bl.phone = m.phone`;

/**
 * Every matched person with the reason they are left out (null: eligible), for a filter over the CRM:
 * columns customer_id, phone, name, sort_at + sort_id (freeze order), list_values (CSV columns; {} here), excluded_reason.
 */
export function audienceCandidatesSql(filter: AudienceFilter, now: Date): SqlStatement {
  const where = audienceConditions(filter, now);
  return {
    sql: `WITH m AS (
  SELECT c.id AS customer_id, NULLIF(btrim(c.phone), '') AS phone,
    NULLIF(btrim(concat_ws(' ', c.first_name, c.last_name)), '') AS name,
    c.created_at AS sort_at, c.id AS sort_id
  FROM customer c
  WHERE ${where.sql}
)
SELECT m.customer_id, m.phone, m.name, m.sort_at, m.sort_id, '{}'::jsonb AS list_values, ${EXCLUSION_CASE} AS excluded_reason
FROM m
${EXCLUSION_JOINS}`,
    bindings: where.bindings,
  };
}

/**
 * The people of an earlier run again (a recurring campaign whose audience was frozen at its first launch),
 * judged afresh: an opt-out or a blacklisting since then still leaves them out.
 */
export function frozenRunCandidatesSql(campaignId: string, runNo: number): SqlStatement {
  return {
    sql: `WITH m AS (
  SELECT r.customer_id, NULLIF(r.phone, '') AS phone, r.name, r.created_at AS sort_at, r.id AS sort_id, '{}'::jsonb AS list_values
  FROM campaign_recipient r
  WHERE r.campaign_id = ? AND r.run_no = ? AND (r.reason IS NULL OR r.reason NOT IN ('invalid_phone', 'duplicate_phone'))
)
SELECT m.customer_id, m.phone, m.name, m.sort_at, m.sort_id, m.list_values, ${EXCLUSION_CASE} AS excluded_reason
FROM m
${EXCLUSION_JOINS}`,
    bindings: [campaignId, runNo],
  };
}

/** The same for a campaign's imported list (customer_id is the customer with that phone, when there is one). */
export function listCandidatesSql(campaignId: string): SqlStatement {
  return {
    sql: `WITH m AS (
  SELECT (SELECT c.id FROM customer c WHERE c.phone = e.phone AND c.deleted_at IS NULL ORDER BY c.created_at, c.id LIMIT 1) AS customer_id,
    e.phone, e.name, to_timestamp(e.line) AS sort_at, e.id AS sort_id, e.values AS list_values
  FROM campaign_list_entry e
  WHERE e.campaign_id = ? AND e.deleted_at IS NULL
)
SELECT m.customer_id, m.phone, m.name, m.sort_at, m.sort_id, m.list_values, ${EXCLUSION_CASE} AS excluded_reason
FROM m
${EXCLUSION_JOINS}`,
    bindings: [campaignId],
  };
}

/** Matched, eligible and excluded-by-reason counts over a candidates statement. */
export function audienceCountSql(candidates: SqlStatement): SqlStatement {
  return {
    sql: `SELECT count(*)::int AS matched,
  count(*) FILTER (WHERE excluded_reason IS NULL)::int AS eligible,
  count(*) FILTER (WHERE excluded_reason = 'opted_out')::int AS opted_out,
  count(*) FILTER (WHERE excluded_reason = 'blacklisted')::int AS blacklisted,
  count(*) FILTER (WHERE excluded_reason = 'invalid_phone')::int AS invalid_phone,
  count(*) FILTER (WHERE excluded_reason = 'duplicate_phone')::int AS duplicate_phone
FROM (${candidates.sql}) candidates`,
    bindings: candidates.bindings,
  };
}
