import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Logger, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { CloudApiTransport, SimulatorTransport, TransportStoppedError, type E164, type PresenceState, type WhatsAppTransport } from "@voltura/whatsapp-transport";
import { stableWaMessageId } from "../../../domain/outbox";
import type { MessageRow } from "../rows";
import type { SessionPatch } from "../../../workflows/steps/sessions";
import { whatsappService } from "../../../workflows/steps/service";
import { LimitsSchedule, readLimits, recordAckRefusal } from "./account-signals";
import { readAuthStateKey, type AuthKeyStatus } from "./auth-key";
import { recoverWhatsAppSends } from "./send-recovery";
import { simulatorEnabled } from "./settings";
import { currentGateway, registerGateway, type GatewayPort, type OutboundRequest } from "./port";
import { deliverOutbox, patchSession, recordInbound, recordReceipt } from "./session-events";
import { leaseSession, unlockSession } from "./session-lock";
import { attachTransport, configStamp, createTransport, type SessionRecord } from "./session-runtime";
import { recordCloudSend } from "./cloud-status";
import { sendOn, withRowDetails } from "./transmit";

export interface SupervisorOptions {
  /** How long a session's lock lives without renewal (default 30 s). */
  leaseSeconds?: number;
  /** How often leases are renewed and sessions reconciled (default 5 s). */
  tickMs?: number;
  /** Outbox: pending messages older than this are sent by the owner (default 10 s). */
  outboxAfterMs?: number;
  instanceId?: string;
}

interface Owned {
  transport: WhatsAppTransport;
  detach: () => void;
  /** Health writes in order (connecting before open). */
  writes: Promise<unknown>;
  /** When this process took the session: until it first opens, a send waits for it briefly. */
  taken_at: number;
  /** The config it connected with: a change (new Cloud API token…) reconnects it on the next tick. */
  stamp: string;
}

const OPEN_WAIT_MS = 10_000;

/**
 * Runs this process's share of the WhatsApp sessions. Each session has one owner across instances:
 * the process holding its lock (Medusa's locking module, a lease renewed every tick). The owner
 * connects the session's transport, applies the reconnect policy (inside the transport), reports
 * health, feeds inbound messages and receipts into the workflows, and sends the outbox.
 */
export class SessionSupervisor implements GatewayPort {
  readonly instanceId: string;
  readonly authKey: AuthKeyStatus;
  private readonly owned = new Map<string, Owned>();
  private readonly inboundDone = new Map<string, Promise<MessageRow | null>>();
  private readonly limitsSchedule = new LimitsSchedule();
  private readonly leaseSeconds: number;
  private readonly tickMs: number;
  private readonly outboxAfterMs: number;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly container: MedusaContainer,
    options: SupervisorOptions = {},
  ) {
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    this.leaseSeconds = options.leaseSeconds ?? 30;
    this.tickMs = options.tickMs ?? 5_000;
    this.outboxAfterMs = options.outboxAfterMs ?? 10_000;
    this.authKey = readAuthStateKey();
  }

  private get logger(): Logger {
    return this.container.resolve(ContainerRegistrationKeys.LOGGER);
  }

  /** Starts the loop (idempotent); fails loudly when stored Baileys credentials cannot be read. */
  async start(): Promise<void> {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref();
    registerGateway(this);
    if (this.authKey.status !== "set" && (await whatsappService(this.container).hasStoredBaileysCredentials())) {
      this.logger.error(`WhatsApp gateway: ${this.authKey.error}. Paired Baileys sessions will not connect until it is fixed.`);
    }
    if (this.authKey.status === "set" && this.authKey.warning) this.logger.warn(`WhatsApp gateway: ${this.authKey.warning}`);
    await recoverWhatsAppSends(this.container).catch((error: unknown) => this.logger.warn(`WhatsApp outbox recovery failed: ${String(error)}`));
    await this.tick();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    await Promise.all([...this.owned.keys()].map((id) => this.release(id)));
    if (currentGateway() === this) registerGateway(null);
  }

  /** One reconcile pass; concurrent callers share it. */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.ticking ??= this.reconcile()
      .catch((error: unknown) => this.logger.error(`WhatsApp gateway tick failed: ${String(error)}`))
      .finally(() => {
        this.ticking = null;
      });
    return this.ticking;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** A fresh pass that sees every change made before the call (a tick already running may not). */
  async reconcileNow(): Promise<void> {
    await this.ticking;
    await this.tick();
    await Promise.all([...this.owned.values()].map((owned) => owned.writes.catch(() => undefined)));
  }

  ownsSession(sessionId: string): boolean {
    return this.owned.has(sessionId);
  }

  /** The simulator transport of a session this process owns, for the simulator routes. */
  simulator(sessionId: string): SimulatorTransport | null {
    const transport = this.owned.get(sessionId)?.transport;
    return transport instanceof SimulatorTransport ? transport : null;
  }

  messageIdFor(sessionId: string, idempotencyKey: string): string | null {
    const transport = this.owned.get(sessionId)?.transport;
    if (transport && !transport.capabilities.callerMessageIds) return null;
    return stableWaMessageId(idempotencyKey, transport instanceof SimulatorTransport ? "simulator" : "baileys");
  }

  async transmit(request: OutboundRequest): Promise<string> {
    const owned = this.owned.get(request.session_id);
    if (!owned) throw new Error(`session ${request.session_id} is not owned by this process`);
    // A session just taken (after a restart) is closed, then connecting, for a moment: wait, briefly.
    const starting = () => owned.transport.state === "connecting" || (owned.transport.state === "closed" && Date.now() - owned.taken_at < OPEN_WAIT_MS);
    for (let waited = 0; starting() && waited < OPEN_WAIT_MS; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const full = await withRowDetails(this.container, request);
    const waMessageId = await sendOn(this.container, owned.transport, full);
    // WhatsApp picked the id (Cloud API): record it now, and apply statuses that arrived before it.
    if (!owned.transport.capabilities.callerMessageIds && full.correlationId) await recordCloudSend(this.container, full.correlationId, waMessageId);
    return waMessageId;
  }

  /** Marks an inbound message read on a Cloud API number this process owns (best effort). */
  async markRead(sessionId: string, from: string, waMessageId: string): Promise<void> {
    const transport = this.owned.get(sessionId)?.transport;
    if (!(transport instanceof CloudApiTransport) || transport.state !== "open") return;
    await transport.markRead(from as E164, waMessageId).catch((error: unknown) => this.logger.warn(`WhatsApp session ${sessionId}: read receipt not sent: ${String(error)}`));
  }

  /** Typing presence on an owned, open session (best effort, before a campaign message); false when not open here. */
  async sendPresence(sessionId: string, to: E164, state: PresenceState): Promise<boolean> {
    const owned = this.owned.get(sessionId);
    if (!owned || owned.transport.state !== "open") return false;
    await owned.transport.sendPresence(to, state);
    return true;
  }

  /** Resolves once the inbound message with this WhatsApp id has gone through the workflow. */
  inboundProcessed(sessionId: string, waMessageId: string): Promise<MessageRow | null> {
    return this.inboundDone.get(`${sessionId}|${waMessageId}`) ?? Promise.resolve(null);
  }

  /** Takes or renews the session's lease; false when another process holds it. */
  lease(sessionId: string): Promise<boolean> {
    return leaseSession(this.container, this.instanceId, sessionId, this.leaseSeconds);
  }

  private async reconcile(): Promise<void> {
    const service = whatsappService(this.container);
    const sessions = await service.listWhatsAppSessions({}, { order: { created_at: "ASC" } });
    const live = new Set<string>();
    for (const session of sessions) {
      live.add(session.id);
      const mine = this.owned.has(session.id);
      // WHATSAPP_SIMULATOR=off: simulator sessions stay disconnected, like disabled ones.
      if (!session.enabled || (session.kind === "simulator" && !simulatorEnabled())) {
        if (mine) await this.release(session.id);
        continue;
      }
      if (mine) {
        if (!(await this.lease(session.id))) await this.release(session.id, false);
        else if (this.owned.get(session.id)!.stamp !== configStamp(session)) {
          await this.release(session.id, false);
          await this.own(session);
        } else await this.heartbeat(session.id);
        continue;
      }
      if (await this.lease(session.id)) await this.own(session);
    }
    for (const id of [...this.owned.keys()]) if (!live.has(id)) await this.release(id);
  }

  private async own(session: SessionRecord): Promise<void> {
    let transport: WhatsAppTransport;
    try {
      transport = await createTransport(session, whatsappService(this.container), this.authKey.status === "set" ? this.authKey.keys : null);
    } catch (error) {
      await this.unlock(session.id);
      await this.patch(session.id, {
        state: "stopped",
        enabled: false,
        alert: { kind: "configuration", message: (error as Error).message, at: new Date().toISOString() },
      });
      return;
    }
    const owned: Owned = { transport, detach: () => undefined, writes: Promise.resolve(), taken_at: Date.now(), stamp: configStamp(session) };
    this.owned.set(session.id, owned);
    owned.detach = attachTransport(transport, session.kind, {
      patch: (patch) => {
        owned.writes = owned.writes.then(() => this.patch(session.id, patch));
      },
      inbound: (message) => this.trackInbound(`${session.id}|${message.id}`, recordInbound(this.container, this.logger, session.id, message, session.kind === "simulator")),
      receipt: (receipt) => void recordReceipt(this.container, this.logger, session.id, receipt),
      sendFailed: (failure) => void recordAckRefusal(this.container, session.id, failure, this.logger),
      opened: () => {
        this.limitsSchedule.reset(session.id);
        this.refreshLimits(session.id);
      },
      error: (error) => this.logger.warn(`WhatsApp session ${session.id}: ${error.message}`),
    });
    await this.patch(session.id, { owner: this.instanceId });
    transport.connect().catch((error: unknown) => this.onConnectFailed(session.id, error));
  }

  /**
   * A stop by the reconnect policy already raised its alert. Anything else (stored credentials that
   * do not decrypt: a wrong WHATSAPP_AUTH_STATE_KEY) stops the session with an alert instead of
   * retrying forever; staff pair again once it is fixed.
   */
  private async onConnectFailed(sessionId: string, error: unknown): Promise<void> {
    if (error instanceof TransportStoppedError) return;
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error(`WhatsApp session ${sessionId} cannot start: ${message}`);
    const owned = this.owned.get(sessionId);
    if (!owned) return;
    owned.writes = owned.writes.then(() =>
      this.patch(sessionId, { state: "stopped", enabled: false, alert: { kind: "authState", message, at: new Date().toISOString() } }),
    );
    await owned.writes;
    await this.release(sessionId);
  }

  /** Gives the session up: disconnects, and when `unlock` frees the lock for another instance. */
  private async release(sessionId: string, unlock = true): Promise<void> {
    const owned = this.owned.get(sessionId);
    if (!owned) return;
    this.owned.delete(sessionId);
    // Detached first: a released session's state belongs to its next owner (or it is deleted).
    owned.detach();
    await owned.transport.disconnect().catch(() => undefined);
    await owned.writes.catch(() => undefined);
    if (unlock) await this.unlock(sessionId);
  }

  private unlock(sessionId: string): Promise<void> {
    return unlockSession(this.container, this.instanceId, sessionId);
  }

  private async heartbeat(sessionId: string): Promise<void> {
    const owned = this.owned.get(sessionId)!;
    if (owned.transport.state !== "open") return;
    await this.patch(sessionId, { last_seen_at: new Date(), owner: this.instanceId });
    this.refreshLimits(sessionId);
    await deliverOutbox(this.container, this.logger, sessionId, this.outboxAfterMs);
  }

  /** Reads the number's limits when due (on connect, then every few minutes), in the session's write order. */
  private refreshLimits(sessionId: string): void {
    const owned = this.owned.get(sessionId);
    if (!owned || owned.transport.state !== "open" || !this.limitsSchedule.take(sessionId)) return;
    const read = readLimits(owned.transport, sessionId, this.logger);
    owned.writes = owned.writes.then(async () => {
      const patch = await read;
      if (patch && this.owned.get(sessionId) === owned) await this.patch(sessionId, patch);
    });
  }

  private patch(sessionId: string, patch: Omit<SessionPatch, "id">): Promise<void> {
    return patchSession(this.container, this.logger, sessionId, patch);
  }

  /** Keeps an inbound message's recording for `inboundProcessed` for a minute. */
  private trackInbound(key: string, done: Promise<MessageRow | null>): void {
    this.inboundDone.set(key, done);
    void done.finally(() => setTimeout(() => this.inboundDone.delete(key), 60_000).unref());
  }
}
