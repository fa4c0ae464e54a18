import type { CampaignRecipientRow, CampaignRecipientStatus } from "@voltura/contracts";
import type { SqlRow } from "@voltura/medusa-kit";
import type { Statement } from "./analytics-sql";

export const RECIPIENT_COLUMNS = `id, run_no, customer_id, phone, name, language, session_id, route, status, reason, body, message_id,
  claimed_at, sent_at, delivered_at, read_at, failed_at, replied_at, opted_out_at, converted_at`;

export interface RecipientFilter { campaignId: string; status?: CampaignRecipientStatus; runNo?: number; after?: string }

/**
 * One page of a campaign's recipients in id order (the order they were frozen). Without a status the
 * (campaign_id, id) index walks the page; with one the (campaign_id, status) index finds only those rows.
 */
export function recipientPageStatement(f: RecipientFilter, limit: number): Statement {
  const where = ["campaign_id = ?", "deleted_at IS NULL"];
  const bindings: unknown[] = [f.campaignId];
  if (f.status) { where.push("status = ?"); bindings.push(f.status); }
  if (f.runNo) { where.push("run_no = ?"); bindings.push(f.runNo); }
  if (f.after) { where.push("id > ?"); bindings.push(f.after); }
  return { sql: `SELECT ${RECIPIENT_COLUMNS} FROM campaign_recipient WHERE ${where.join(" AND ")} ORDER BY id LIMIT ?`, bindings: [...bindings, limit] };
}

/**
 * The filter's count: up to 1,001 (capped, the common case) or exact. With no run named it is an index-only scan of
 * (campaign_id, status): a 50k-recipient campaign counts in a few ms. Recipient rows are never soft-deleted (a
 * cancelled run's rows stay, as skipped), so no deleted_at test sends the count to the table.
 */
export function recipientCountStatement(f: Omit<RecipientFilter, "after">, capped = true): Statement {
  const where = ["campaign_id = ?"];
  const bindings: unknown[] = [f.campaignId];
  if (f.status) { where.push("status = ?"); bindings.push(f.status); }
  if (f.runNo) { where.push("run_no = ?"); bindings.push(f.runNo); }
  const filtered = `SELECT 1 FROM campaign_recipient WHERE ${where.join(" AND ")}${capped ? " LIMIT 1001" : ""}`;
  return { sql: `SELECT count(*)::int AS n FROM (${filtered}) t`, bindings };
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

export function toRecipientRow(r: SqlRow): CampaignRecipientRow {
  return {
    id: String(r.id), run_no: Number(r.run_no), customer_id: (r.customer_id as string | null) ?? null, phone: String(r.phone),
    name: (r.name as string | null) ?? null, language: String(r.language), session_id: (r.session_id as string | null) ?? null,
    route: r.route === "chat" || r.route === "template" ? r.route : null,
    status: r.status as CampaignRecipientStatus, reason: (r.reason as string | null) ?? null, body: (r.body as string | null) ?? null,
    message_id: (r.message_id as string | null) ?? null, claimed_at: iso(r.claimed_at), sent_at: iso(r.sent_at), delivered_at: iso(r.delivered_at),
    read_at: iso(r.read_at), failed_at: iso(r.failed_at), replied_at: iso(r.replied_at), opted_out_at: iso(r.opted_out_at), converted_at: iso(r.converted_at),
  };
}
