import { randomInt } from "node:crypto";
import { rows, type Sql, type SqlConnection } from "@voltura/medusa-kit";
import { decideSend, pickGapSeconds, typingMillis } from "@voltura/domain";
import type { DispatchDecision } from "@voltura/contracts";
import { emergencyStopped } from "./emergency-stop";
import { isCloudKind, tierDecision } from "../../../domain/cloud-pacing";
import { templateText } from "../../../domain/template-params";
import {
  identicalTextCount, inFlightRecipient, markSkipped, nextQueued, roundRobin, runningCampaigns, skipReason, templateBodyText,
  type QueuedRecipient, type RunningCampaign,
} from "./claim";
import { markSent } from "./record";
import { renderForRecipient, renderTemplateForRecipient } from "../../../domain/render";
import { loadSession, lockSender, pacingStateOf, uniqueUsersReached, type SenderRow } from "../senders/sender-row";

/** Re-ask after this long when a stop, a pause or a disconnected number blocks (the pacer may also be woken earlier). */
const RECHECK_MS = 30_000;
/** Skipped recipients one gate call may pass over before it answers (keeps the transaction short). */
const MAX_SKIPS_PER_CALL = 200;

export interface GateDeps {
  now?: Date;
  /** Uniform in [0, 1): crypto-strong by default. */
  random?: () => number;
  optoutLink: (phone: string, language: "ms" | "en") => string;
  /** The shop's business name for `{shop_name}`, read once a send is allowed. */
  shopName: () => Promise<string>;
}

const cryptoRandom = () => randomInt(0, 1_000_000_000) / 1_000_000_000;
const waitFor = (now: Date, reason: Extract<DispatchDecision, { action: "wait" }>["reason"], ms = RECHECK_MS): DispatchDecision =>
  ({ action: "wait", until: new Date(now.getTime() + ms).toISOString(), reason });

interface DispatchSettings { contact_cap_days: number; identical_text_per_hour: number }

async function dispatchSettings(db: Sql): Promise<DispatchSettings> {
  const [s] = await rows(db, `SELECT contact_cap_days, identical_text_per_hour FROM campaign_settings WHERE id = 'default'`);
  return { contact_cap_days: Number(s?.contact_cap_days ?? 7), identical_text_per_hour: Number(s?.identical_text_per_hour ?? 20) };
}

/**
 * A crash between the gateway's send and dispatch/sent leaves a `sending` row whose message went out: record it
 * as sent (from the message log, by its idempotency key) instead of offering it again.
 */
async function reconcileInFlight(db: Sql, sender: SenderRow, now: Date): Promise<SenderRow> {
  const done = await rows(db,
    `SELECT r.id, m.id AS message_id, m.status FROM campaign_recipient r
       JOIN whatsapp_message m ON m.idempotency_key = r.idempotency_key AND m.direction = 'out' AND m.deleted_at IS NULL
      WHERE r.session_id = ? AND r.status = 'sending' AND r.deleted_at IS NULL AND m.status IN ('sent','delivered','read')
      FOR UPDATE OF r`, [sender.session_id]);
  let current = sender;
  for (const row of done) current = await markSent(db, current, String(row.id), String(row.message_id), row.status as "sent", now);
  return current;
}

type SendTemplate = { name: string; language: string; params: string[] } | null;

/** What one recipient gets: the free text, or on the template route the template's params and its readable text. */
async function renderMessage(
  db: Sql, sessionId: string, campaign: RunningCampaign, recipient: QueuedRecipient, shopName: string, optoutLink: string, seed: string,
): Promise<{ body: string; template: SendTemplate }> {
  if (recipient.route !== "template") {
    return { body: renderForRecipient({ campaign, recipient, shopName, optoutLink, seed }).text, template: null };
  }
  const template = renderTemplateForRecipient({ campaign, recipient, shopName, optoutLink });
  if (!template) return { body: "", template: null };
  return { body: templateText(template, await templateBodyText(db, sessionId, template)), template };
}

function sendAnswer(
  recipient: QueuedRecipient, campaign: RunningCampaign | undefined, sessionId: string, message: { body: string; template: SendTemplate }, reoffered: boolean,
): DispatchDecision {
  const { body, template } = message;
  // A template carries no media of ours (its header is part of the approved template).
  const m = template ? null : campaign?.media;
  const media = m && typeof m.mimetype === "string" && (m.url || m.file_id)
    ? {
      ...(m.file_id ? { file_id: String(m.file_id) } : { url: String(m.url) }),
      mimetype: m.mimetype, ...(m.filename ? { filename: String(m.filename) } : {}),
    }
    : null;
  return {
    action: "send", recipient_id: recipient.id, campaign_id: recipient.campaign_id, run_no: recipient.run_no, session_id: sessionId,
    to: recipient.phone, body, media, idempotency_key: recipient.idempotency_key,
    // Typing is a chat-app signal; a template goes out at once.
    typing_ms: template ? 0 : typingMillis(body), reoffered, template,
  };
}

/**
 * The gate: one transaction with the sender row locked. Emergency stop, the number's connection, its pause and
 * timelock, then the pacing rules; if a send is allowed it claims one recipient (the in-flight one first), skipping
 * with a reason those who must not get it, renders its text and stores the gap the next send must wait.
 */
export async function runGate(db: SqlConnection, sessionId: string, deps: GateDeps): Promise<DispatchDecision> {
  const random = deps.random ?? cryptoRandom;
  return db.transaction(async (trx) => {
    const now = deps.now ?? new Date();
    const session = await loadSession(trx, sessionId);
    let sender = await lockSender(trx, session);
    if (await emergencyStopped(trx)) return waitFor(now, "emergency_stop");
    sender = await reconcileInFlight(trx, sender, now);
    if (!session.enabled || session.state !== "open") return waitFor(now, "session_unavailable", 60_000);
    if (session.new_chats_left === 0) return waitFor(now, "timelock", 15 * 60_000);
    if (isCloudKind(session.kind)) {
      const tier = tierDecision(session.messaging_limit_tier, await uniqueUsersReached(trx, sessionId, now), now);
      if (tier.kind === "wait") return { action: "wait", until: tier.until.toISOString(), reason: tier.reason };
    }

    const decision = decideSend(sender.policy, pacingStateOf(sender, session), now);
    if (decision.kind === "paused") return waitFor(now, "paused");
    if (decision.kind === "wait") return { action: "wait", until: decision.until.toISOString(), reason: decision.reason };

    const campaigns = await runningCampaigns(trx);
    const byId = new Map(campaigns.map((c) => [c.id, c]));
    const name = await deps.shopName();
    const inFlight = await inFlightRecipient(trx, sessionId);
    if (inFlight) {
      const campaign = byId.get(inFlight.campaign_id);
      const rendered = campaign
        ? await renderMessage(trx, sessionId, campaign, inFlight, name, deps.optoutLink(inFlight.phone, inFlight.language), inFlight.id)
        : { body: "", template: null };
      // The stored text is what went (or may have gone) out: a re-offer sends exactly it; template params render the same again.
      return sendAnswer(inFlight, campaign, sessionId, { body: inFlight.body ?? rendered.body, template: rendered.template }, true);
    }

    const settings = await dispatchSettings(trx);
    let skips = 0;
    for (const campaign of roundRobin(campaigns, sender.last_campaign_id)) {
      for (;;) {
        if (skips >= MAX_SKIPS_PER_CALL) return waitFor(now, "gap", 1_000);
        const recipient = await nextQueued(trx, sessionId, campaign.id);
        if (!recipient) break;
        const skip = await skipReason(trx, recipient, settings.contact_cap_days, now);
        if (skip) {
          await markSkipped(trx, recipient.id, skip);
          skips++;
          continue;
        }
        const optoutLink = deps.optoutLink(recipient.phone, recipient.language);
        let message = await renderMessage(trx, sessionId, campaign, recipient, name, optoutLink, recipient.id);
        if (recipient.route === "template" && !message.template) {
          await markSkipped(trx, recipient.id, "no_template_route");
          skips++;
          continue;
        }
        // Identical texts matter on a chat number; an approved template is the same text by design.
        if (!message.template && (await identicalTextCount(trx, sessionId, message.body, now)) >= settings.identical_text_per_hour) {
          message = await renderMessage(trx, sessionId, campaign, recipient, name, optoutLink, `${recipient.id}:reroll`);
          if ((await identicalTextCount(trx, sessionId, message.body, now)) >= settings.identical_text_per_hour) {
            await markSkipped(trx, recipient.id, "identical_text");
            skips++;
            continue;
          }
        }
        const body = message.body;
        await trx.raw(`UPDATE campaign_recipient SET status = 'sending', body = ?, claimed_at = ?, updated_at = now() WHERE id = ?`, [body, now, recipient.id]);
        const gap = pickGapSeconds(sender.policy, sender.sends_since_pause + 1, random);
        await trx.raw(
          `UPDATE campaign_sender SET next_gap_seconds = ?, sends_since_pause = ?, last_campaign_id = ?, updated_at = now() WHERE id = ?`,
          [gap.seconds, gap.extraPause ? 0 : sender.sends_since_pause + 1, campaign.id, sender.id]);
        return sendAnswer(recipient, campaign, sessionId, message, false);
      }
    }
    return { action: "idle" };
  });
}
