import type { Context } from "@medusajs/framework/types";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { generateEntityId, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import type { SecretBlobStore } from "@voltura/whatsapp-transport";
import { currentGateway } from "./gateway/port";
import { WhatsAppAuthState } from "./models/whatsapp-auth-state";
import { WhatsAppContact } from "./models/whatsapp-contact";
import { WhatsAppMessage, type ContextKind, type MessageMedia, type MessageTemplate } from "./models/whatsapp-message";
import { WhatsAppSession } from "./models/whatsapp-session";
import { WhatsAppTemplate } from "./models/whatsapp-template";
import { WhatsAppTemplateBinding } from "./models/whatsapp-template-binding";
import { WhatsAppStatusBacklog } from "./models/whatsapp-status-backlog";
import { WhatsAppWebhookEvent } from "./models/whatsapp-webhook-event";
import type { MessageRow } from "./rows";
import { REFUSAL_SQL, refusalBindings, type RefusalInput } from "./refusal-sql";
import { CLAIMABLE_SQL } from "../../domain/outbox";
import { EXACT_COUNT_LIMIT, messageListStatements, plannedRows, type MessageListFilter } from "../../domain/message-list-sql";

type Ctx = Context<EntityManager>;

export interface NewOutbound {
  session_id: string;
  phone: string;
  customer_id: string | null;
  body: string;
  media: MessageMedia | null;
  idempotency_key: string;
  context_kind: ContextKind | null;
  context_ref: string | null;
  /** Sent as this WhatsApp template (Cloud API); `body` is then the text the chat log shows. */
  template?: MessageTemplate | null;
}

export interface NewInbound {
  session_id: string;
  phone: string;
  body: string;
  media: MessageMedia | null;
  wa_message_id: string;
  sender_name: string | null;
  /** UTC, ISO 8601. */
  received_at: string;
  /** Written in the simulator (a simulator session), not by a customer's phone. */
  simulated?: boolean;
}

export interface MessagePage {
  rows: MessageRow[];
  count: number;
  count_estimated: boolean;
  next_cursor: string | null;
}

const COLUMNS = `id, session_id, direction, phone, customer_id, body, media, wa_message_id, status, status_changed_at, error,
  idempotency_key, context_kind, context_ref, sender_name, simulated, lease_until, claimed_by, send_attempts, template, created_at, updated_at`;

class WhatsAppModuleService extends MedusaService({
  WhatsAppSession, WhatsAppAuthState, WhatsAppMessage, WhatsAppContact, WhatsAppWebhookEvent, WhatsAppStatusBacklog,
  WhatsAppTemplate, WhatsAppTemplateBinding,
}) {
  /** On shutdown the sessions this process owns disconnect and give their locks back at once. */
  __hooks = {
    onApplicationPrepareShutdown: async (): Promise<void> => {
      await currentGateway()?.stop();
    },
  };

  /**
   * Stores an outbound message under its idempotency key, or finds the one already stored: one
   * atomic insert, so two concurrent calls with one key get one row and exactly one `created`.
   */
  @InjectManager()
  async reserveOutbound(data: NewOutbound, @MedusaContext() ctx: Ctx = {}): Promise<{ message: MessageRow; created: boolean }> {
    const inserted = (await ctx.manager!.execute(
      `INSERT INTO whatsapp_message (id, session_id, direction, phone, customer_id, body, media, status, idempotency_key, context_kind, context_ref, template, status_changed_at)
       VALUES (?, ?, 'out', ?, ?, ?, ?::jsonb, 'pending', ?, ?, ?, ?::jsonb, now())
       ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        generateEntityId(undefined, "wa_msg"), data.session_id, data.phone, data.customer_id, data.body,
        data.media ? JSON.stringify(data.media) : null, data.idempotency_key, data.context_kind, data.context_ref,
        data.template ? JSON.stringify(data.template) : null,
      ],
    )) as MessageRow[];
    if (inserted[0]) return { message: inserted[0], created: true };
    const [existing] = (await ctx.manager!.execute(`SELECT ${COLUMNS} FROM whatsapp_message WHERE idempotency_key = ?`, [data.idempotency_key])) as MessageRow[];
    return { message: existing!, created: false };
  }

  /** Stores an inbound message once per (session, WhatsApp id); a re-delivery finds the first. */
  @InjectManager()
  async insertInbound(data: NewInbound, @MedusaContext() ctx: Ctx = {}): Promise<{ message: MessageRow; created: boolean }> {
    const inserted = (await ctx.manager!.execute(
      `INSERT INTO whatsapp_message (id, session_id, direction, phone, body, media, wa_message_id, status, sender_name, simulated, created_at, status_changed_at)
       VALUES (?, ?, 'in', ?, ?, ?::jsonb, ?, 'delivered', ?, ?, ?, now())
       ON CONFLICT (session_id, wa_message_id) WHERE wa_message_id IS NOT NULL DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        generateEntityId(undefined, "wa_msg"), data.session_id, data.phone, data.body, data.media ? JSON.stringify(data.media) : null,
        data.wa_message_id, data.sender_name, data.simulated === true, new Date(data.received_at).toISOString(),
      ],
    )) as MessageRow[];
    if (inserted[0]) return { message: inserted[0], created: true };
    return { message: (await this.findByWaId(data.session_id, data.wa_message_id, ctx))!, created: false };
  }

  @InjectManager()
  async findByWaId(sessionId: string, waMessageId: string, @MedusaContext() ctx: Ctx = {}): Promise<MessageRow | null> {
    const [row] = (await ctx.manager!.execute(
      `SELECT ${COLUMNS} FROM whatsapp_message WHERE session_id = ? AND wa_message_id = ?`,
      [sessionId, waMessageId],
    )) as MessageRow[];
    return row ?? null;
  }

  @InjectManager()
  async getMessage(id: string, @MedusaContext() ctx: Ctx = {}): Promise<MessageRow | null> {
    const [row] = (await ctx.manager!.execute(`SELECT ${COLUMNS} FROM whatsapp_message WHERE id = ?`, [id])) as MessageRow[];
    return row ?? null;
  }

  /** Sets status only if it is still `expected` (compare-and-set); true when it changed. */
  @InjectManager()
  async compareAndSetStatus(
    id: string,
    expected: string,
    next: string,
    extra: { wa_message_id?: string | null; error?: string | null } = {},
    @MedusaContext() ctx: Ctx = {},
  ): Promise<boolean> {
    const rows = await ctx.manager!.execute(
      `UPDATE whatsapp_message SET status = ?, status_changed_at = now(), updated_at = now(),
         wa_message_id = COALESCE(?, wa_message_id), error = ?
       WHERE id = ? AND status = ? RETURNING id`,
      [next, extra.wa_message_id ?? null, extra.error ?? null, id, expected],
    );
    return rows.length > 0;
  }

  @InjectManager()
  async deleteMessageHard(id: string, @MedusaContext() ctx: Ctx = {}): Promise<void> {
    await ctx.manager!.execute(`DELETE FROM whatsapp_message WHERE id = ?`, [id]);
  }

  /** One page, newest first (keyset with `before`), and the count capped at EXACT_COUNT_LIMIT (estimated beyond). */
  @InjectManager()
  async listMessageRows(filter: MessageListFilter, @MedusaContext() ctx: Ctx = {}): Promise<MessagePage> {
    const statements = messageListStatements(filter, COLUMNS);
    const found = (await ctx.manager!.execute(statements.page.sql, statements.page.bindings)) as Array<MessageRow & { next_cursor: string }>;
    const page = found.slice(0, filter.limit);
    const [{ n }] = (await ctx.manager!.execute(statements.count.sql, statements.count.bindings)) as [{ n: number }];
    let count = Number(n);
    const estimated = count > EXACT_COUNT_LIMIT;
    if (estimated) count = Math.max(count, plannedRows(await ctx.manager!.execute(statements.estimate.sql, statements.estimate.bindings)));
    return {
      rows: page.map(({ next_cursor: _cursor, ...row }) => row as MessageRow),
      count,
      count_estimated: estimated,
      next_cursor: found.length > filter.limit ? page.at(-1)!.next_cursor : null,
    };
  }

  /** Outbound messages of a session waiting to be sent and held by nobody (never claimed, or the claim ran out), oldest first. */
  @InjectManager()
  async pendingOutbound(sessionId: string, limit = 20, @MedusaContext() ctx: Ctx = {}): Promise<MessageRow[]> {
    return (await ctx.manager!.execute(
      `SELECT ${COLUMNS} FROM whatsapp_message m WHERE session_id = ? AND direction = 'out' AND status = 'pending' AND deleted_at IS NULL
         AND ${CLAIMABLE_SQL}
       ORDER BY created_at ASC LIMIT ?`,
      [sessionId, limit],
    )) as MessageRow[];
  }

  /**
   * Claims a pending outbound message for one send attempt (compare-and-set on status and lease):
   * null when it is no longer pending or another process holds a live claim. The WhatsApp id the
   * send goes out under is fixed on the first claim and kept by every later one.
   */
  @InjectManager()
  async claimOutbound(
    id: string,
    claim: { claimed_by: string; lease_seconds: number; wa_message_id: string | null },
    @MedusaContext() ctx: Ctx = {},
  ): Promise<MessageRow | null> {
    const [row] = (await ctx.manager!.execute(
      `UPDATE whatsapp_message m SET lease_until = now() + make_interval(secs => ?), claimed_by = ?, send_attempts = send_attempts + 1,
         wa_message_id = COALESCE(wa_message_id, ?), updated_at = now()
       WHERE id = ? AND direction = 'out' AND status = 'pending' AND ${CLAIMABLE_SQL}
       RETURNING ${COLUMNS}`,
      [claim.lease_seconds, claim.claimed_by, claim.wa_message_id, id],
    )) as MessageRow[];
    return row ?? null;
  }

  /**
   * Records a send WhatsApp took: pending → sent and the claim dropped, in one statement, whoever holds
   * the claim now (the message went out). False when the status had already moved (a receipt for the
   * id came first).
   */
  @InjectManager()
  async finishOutbound(id: string, sentAs: string | null = null, @MedusaContext() ctx: Ctx = {}): Promise<boolean> {
    // `sentAs`: the id WhatsApp gave the message (Cloud API picks it); kept when a status webhook recorded it first.
    const rows = (await ctx.manager!.execute(
      `UPDATE whatsapp_message m SET status = CASE WHEN o.status = 'pending' THEN 'sent' ELSE m.status END,
         status_changed_at = CASE WHEN o.status = 'pending' THEN now() ELSE m.status_changed_at END,
         wa_message_id = COALESCE(m.wa_message_id, ?),
         error = NULL, lease_until = NULL, claimed_by = NULL, updated_at = now()
       FROM (SELECT id, status FROM whatsapp_message WHERE id = ? FOR UPDATE) o
       WHERE m.id = o.id
       RETURNING (o.status = 'pending') AS changed`,
      [sentAs, id],
    )) as Array<{ changed: boolean }>;
    return rows[0]?.changed === true;
  }

  /** Gives a claim back after a failed attempt (the message stays pending), or marks it failed for good. */
  @InjectManager()
  async releaseOutbound(id: string, claimedBy: string, outcome: { error: string; failed: boolean }, @MedusaContext() ctx: Ctx = {}): Promise<void> {
    await ctx.manager!.execute(
      `UPDATE whatsapp_message SET lease_until = NULL, claimed_by = NULL, error = ?, updated_at = now(),
         status = CASE WHEN ? AND status = 'pending' THEN 'failed' ELSE status END,
         status_changed_at = CASE WHEN ? AND status = 'pending' THEN now() ELSE status_changed_at END
       WHERE id = ? AND claimed_by = ?`,
      [outcome.error.slice(0, 500), outcome.failed, outcome.failed, id, claimedBy],
    );
  }

  /** A send WhatsApp refused (see REFUSAL_SQL); the failed message, or null when none moved. */
  @InjectManager()
  async refuseMessage(input: RefusalInput, @MedusaContext() ctx: Ctx = {}): Promise<MessageRow | null> {
    const [row] = (await ctx.manager!.execute(REFUSAL_SQL, refusalBindings(input))) as Array<{ message_id: string | null }>;
    return row?.message_id ? this.getMessage(row.message_id, ctx) : null;
  }

  /** Recovery: puts claims whose lease ran out (their process died mid-send) back in the queue; returns their ids. */
  @InjectManager()
  async releaseExpiredClaims(@MedusaContext() ctx: Ctx = {}): Promise<string[]> {
    const rows = (await ctx.manager!.execute(
      `UPDATE whatsapp_message m SET lease_until = NULL, claimed_by = NULL, updated_at = now()
       WHERE direction = 'out' AND status = 'pending' AND lease_until IS NOT NULL AND ${CLAIMABLE_SQL}
       RETURNING id`,
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** The encrypted credentials row of one session as an opaque blob store. */
  authBlobs(sessionId: string): SecretBlobStore {
    return {
      read: async () => (await this.readAuthBlob(sessionId)) ?? null,
      write: (blob) => this.writeAuthBlob(sessionId, blob),
      remove: () => this.removeAuthBlob(sessionId),
    };
  }

  @InjectManager()
  async readAuthBlob(sessionId: string, @MedusaContext() ctx: Ctx = {}): Promise<string | null> {
    const [row] = (await ctx.manager!.execute(`SELECT ciphertext FROM whatsapp_auth_state WHERE session_id = ?`, [sessionId])) as Array<{
      ciphertext: string;
    }>;
    return row?.ciphertext ?? null;
  }

  @InjectManager()
  async writeAuthBlob(sessionId: string, blob: string, @MedusaContext() ctx: Ctx = {}): Promise<void> {
    await ctx.manager!.execute(
      `INSERT INTO whatsapp_auth_state (id, session_id, ciphertext) VALUES (?, ?, ?)
       ON CONFLICT (session_id) DO UPDATE SET ciphertext = EXCLUDED.ciphertext, updated_at = now()`,
      [generateEntityId(undefined, "wa_auth"), sessionId, blob],
    );
  }

  @InjectManager()
  async removeAuthBlob(sessionId: string, @MedusaContext() ctx: Ctx = {}): Promise<void> {
    await ctx.manager!.execute(`DELETE FROM whatsapp_auth_state WHERE session_id = ?`, [sessionId]);
  }

  /**
   * Whether the shop has a real WhatsApp number: any Baileys session, paired or waiting to be.
   * While it does, simulated messages never stand for a customer's own decision.
   */
  @InjectManager()
  async hasRealSession(@MedusaContext() ctx: Ctx = {}): Promise<boolean> {
    const rows = await ctx.manager!.execute(`SELECT 1 FROM whatsapp_session WHERE kind <> 'simulator' AND deleted_at IS NULL LIMIT 1`);
    return rows.length > 0;
  }

  /** Whether any live Baileys session has stored credentials (they need the encryption key). */
  @InjectManager()
  async hasStoredBaileysCredentials(@MedusaContext() ctx: Ctx = {}): Promise<boolean> {
    const rows = await ctx.manager!.execute(
      `SELECT 1 FROM whatsapp_auth_state a JOIN whatsapp_session s ON s.id = a.session_id
       WHERE s.kind = 'baileys' AND s.deleted_at IS NULL LIMIT 1`,
    );
    return rows.length > 0;
  }
}

export default WhatsAppModuleService;
