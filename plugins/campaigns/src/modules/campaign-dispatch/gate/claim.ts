import { rows, type Sql, type SqlRow } from "@voltura/medusa-kit";
import { contactCapBlocks } from "@voltura/domain";
import type { CampaignForRender, RecipientForRender } from "../../../domain/render";

export interface RunningCampaign extends CampaignForRender {
  id: string;
  media: Record<string, unknown> | null;
}

export interface QueuedRecipient extends RecipientForRender {
  campaign_id: string;
  /** chat: free text; template: the campaign's Cloud API template. */
  route: "chat" | "template";
  run_no: number;
  idempotency_key: string;
  body: string | null;
}

export type SkipReason = "opted_out" | "blacklisted" | "contact_cap";

export function toRecipient(r: SqlRow): QueuedRecipient {
  return {
    id: String(r.id), campaign_id: String(r.campaign_id), route: r.route === "template" ? "template" : "chat", run_no: Number(r.run_no), phone: String(r.phone), name: (r.name as string | null) ?? null,
    language: r.language === "en" ? "en" : "ms", values: (r.values as Record<string, unknown> | null) ?? {},
    idempotency_key: String(r.idempotency_key), body: (r.body as string | null) ?? null,
  };
}

export function toCampaign(r: SqlRow): RunningCampaign {
  return {
    id: String(r.id), template_ms: String(r.template_ms ?? ""), template_en: String(r.template_en ?? ""),
    fallbacks: (r.fallbacks as Record<string, string> | null) ?? {}, media: (r.media as Record<string, unknown> | null) ?? null,
    cloud_template: (r.cloud_template as RunningCampaign["cloud_template"]) ?? null,
  };
}

/**
 * Round-robin: the campaigns in id order, starting after the one this sender served last, so two campaigns
 * on one number take turns within its one budget.
 */
export function roundRobin<T extends { id: string }>(campaigns: readonly T[], lastCampaignId: string | null): T[] {
  const sorted = [...campaigns].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (!lastCampaignId) return sorted;
  const after = sorted.findIndex((c) => c.id > lastCampaignId);
  return after <= 0 ? sorted : [...sorted.slice(after), ...sorted.slice(0, after)];
}

export async function runningCampaigns(db: Sql): Promise<RunningCampaign[]> {
  return (await rows(db, `SELECT id, template_ms, template_en, fallbacks, media, cloud_template FROM campaign WHERE status = 'running' AND deleted_at IS NULL`)).map(toCampaign);
}

/** The in-flight recipient of this sender (claimed, not yet recorded) of a running campaign, locked. */
export async function inFlightRecipient(db: Sql, sessionId: string): Promise<QueuedRecipient | null> {
  const [found] = await rows(db,
    `SELECT r.* FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id AND c.status = 'running' AND c.deleted_at IS NULL
      WHERE r.session_id = ? AND r.status = 'sending' AND r.deleted_at IS NULL ORDER BY r.claimed_at, r.id LIMIT 1 FOR UPDATE OF r`, [sessionId]);
  return found ? toRecipient(found) : null;
}

/** The next queued recipient of one campaign on this sender, locked (rows another transaction holds are passed over). */
export async function nextQueued(db: Sql, sessionId: string, campaignId: string): Promise<QueuedRecipient | null> {
  const [found] = await rows(db,
    `SELECT * FROM campaign_recipient WHERE session_id = ? AND status = 'queued' AND campaign_id = ? AND deleted_at IS NULL
      ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`, [sessionId, campaignId]);
  return found ? toRecipient(found) : null;
}

/**
 * Why this recipient must not get the message, if so. Holds a per-phone lock until the transaction ends, so two
 * senders never both pass the contact cap for one phone.
 */
export async function skipReason(db: Sql, recipient: QueuedRecipient, contactCapDays: number, now: Date): Promise<SkipReason | null> {
  await db.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`campaign-phone:${recipient.phone}`]);
  const [found] = await rows(db,
    `SELECT
       (SELECT opted_out_at FROM whatsapp_contact WHERE phone = ? AND deleted_at IS NULL LIMIT 1) AS opted_out_at,
       EXISTS (SELECT 1 FROM campaign_blacklist WHERE phone = ? AND removed_at IS NULL AND deleted_at IS NULL) AS blacklisted,
       (SELECT max(coalesce(sent_at, claimed_at)) FROM campaign_recipient
         WHERE phone = ? AND id <> ? AND status IN ('sending','sent','delivered','read') AND deleted_at IS NULL) AS last_campaign_at`,
    [recipient.phone, recipient.phone, recipient.phone, recipient.id]);
  if (found?.opted_out_at) return "opted_out";
  if (found?.blacklisted) return "blacklisted";
  const last = found?.last_campaign_at ? new Date(found.last_campaign_at as string) : null;
  if (contactCapBlocks(last, now, contactCapDays)) return "contact_cap";
  return null;
}

/** How many recipients of this sender got exactly this text in the hour before `now`. */
export async function identicalTextCount(db: Sql, sessionId: string, body: string, now: Date): Promise<number> {
  const [found] = await rows(db,
    `SELECT count(*)::int AS n FROM campaign_recipient WHERE session_id = ? AND sent_at > ? AND body = ? AND deleted_at IS NULL`,
    [sessionId, new Date(now.getTime() - 3_600_000), body]);
  return Number(found?.n ?? 0);
}

/** The body text of an approved template as last synced from the account (null when unknown). */
export async function templateBodyText(db: Sql, sessionId: string, template: { name: string; language: string }): Promise<string | null> {
  const [table] = await rows(db, `SELECT to_regclass('whatsapp_template') IS NOT NULL AS present`);
  if (!table?.present) return null;
  const [found] = await rows(db, `SELECT body_text FROM whatsapp_template WHERE session_id = ? AND name = ? AND language = ? LIMIT 1`,
    [sessionId, template.name, template.language]);
  return typeof found?.body_text === "string" ? found.body_text : null;
}

export async function markSkipped(db: Sql, recipientId: string, reason: string): Promise<void> {
  await db.raw(`UPDATE campaign_recipient SET status = 'skipped', reason = ?, updated_at = now() WHERE id = ?`, [reason, recipientId]);
}
