import { z } from "zod";
import { BaseTransport, type BaseTransportOptions, type TransmitOptions } from "../base-transport.js";
import { BoundedMap } from "../bounded-map.js";
import { TransportStoppedError } from "../errors.js";
import { backoffDelay, type BackoffOptions } from "../reconnect.js";
import { uniqueUsersForTier, type AccountLimits, type AlertKind, type CloseReason, type E164, type OutboundMedia, type PresenceState, type TemplateMessage, type TransportCapabilities } from "../types.js";
import { phoneNumberHealth, type PhoneNumberHealth } from "./graph-account.js";
import { GraphApiError, graphRequest, parseCloudApiConfig, type CloudApiConfig } from "./graph-client.js";
import { mapGraphError } from "./graph-errors.js";
import { mediaPayload, mediaUploadForm, readPayload, templatePayload, textPayload } from "./outbound-payloads.js";
import type { CloudWebhookEvents } from "./parse-webhook.js";

export interface CloudApiTransportOptions extends BaseTransportOptions, CloudApiConfig {
  /** Retry backoff for connect() when Meta cannot be reached (base 1 s, cap 60 s). */
  backoff?: BackoffOptions;
  /** Runs `run` after `delayMs`; returns a cancel function (default setTimeout). */
  schedule?: (run: () => void, delayMs: number) => () => void;
}

const sendAnswerSchema = z.looseObject({ messages: z.array(z.looseObject({ id: z.string().min(1) })).min(1) });
const uploadAnswerSchema = z.looseObject({ id: z.string().min(1) });

type Waiter = { resolve: () => void; reject: (error: Error) => void };

function defaultSchedule(run: () => void, delayMs: number): () => void {
  const timer = setTimeout(run, delayMs);
  return () => clearTimeout(timer);
}

/** Why connect() must stop for good, or null when a retry may work. */
function configurationProblem(error: unknown, config: CloudApiConfig): { kind: AlertKind & CloseReason; message: string } | null {
  if (!(error instanceof GraphApiError)) return null;
  if (error.errorCode === 190) {
    return {
      kind: "accessTokenRejected",
      message: `Meta refused the access token (Graph error 190): paste a new long-lived access token for phone number id ${config.phoneNumberId}`,
    };
  }
  if (error.errorCode === 100 || error.errorCode === 803) {
    return {
      kind: "phoneNumberNotFound",
      message: `Meta does not know phone number id ${config.phoneNumberId} for this access token (Graph error ${error.errorCode}): check the phone number id in WhatsApp Manager`,
    };
  }
  return null;
}

/**
 * WhatsApp over the official Cloud API (Graph API). Sends go out over HTTPS; inbound messages and
 * statuses arrive as webhooks, which the owner passes to ingest() after verifying and parsing them.
 * WhatsApp chooses the message ids (wamid); the caller's correlationId rides along as
 * biz_opaque_callback_data and comes back with every status.
 */
export class CloudApiTransport extends BaseTransport {
  readonly capabilities: TransportCapabilities = { templates: true, serviceWindow: true, callerMessageIds: false };
  private readonly config: CloudApiConfig;
  private readonly schedule: (run: () => void, delayMs: number) => () => void;
  private readonly backoff: BackoffOptions | undefined;
  /** The last inbound message id per customer: the typing indicator must name one. */
  private readonly lastInboundId = new BoundedMap<E164, string>(5_000);
  private waiters: Waiter[] = [];
  private cancelRetry: (() => void) | null = null;
  private attempt = 0;
  private running = false;
  private health: PhoneNumberHealth | null = null;
  private reachoutTimelockUntil: string | null = null;

  constructor(options: CloudApiTransportOptions) {
    super(options);
    const { phoneNumberId, wabaId, accessToken, graphBaseUrl, apiVersion, timeoutMs, fetch: fetchImpl } = options;
    parseCloudApiConfig({ phoneNumberId, wabaId, accessToken, ...(graphBaseUrl ? { graphBaseUrl } : {}), ...(apiVersion ? { apiVersion } : {}) });
    this.config = {
      phoneNumberId,
      wabaId,
      accessToken,
      ...(graphBaseUrl ? { graphBaseUrl } : {}),
      ...(apiVersion ? { apiVersion } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    };
    this.schedule = options.schedule ?? defaultSchedule;
    this.backoff = options.backoff;
  }

  /** What Meta said about the number at the last connect / limits query. */
  get phoneNumber(): PhoneNumberHealth | null {
    return this.health;
  }

  /** Resolves once Meta answers for the phone number; a refused token or unknown number stops with an alert. */
  connect(): Promise<void> {
    if (this.state === "open") return Promise.resolve();
    const opened = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.running) {
      this.running = true;
      this.attempt = 0;
      void this.tryOpen();
    }
    return opened;
  }

  async disconnect(): Promise<void> {
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.running = false;
    if (this.state !== "closed") this.setConnection({ state: "closed", reason: "requested", action: "none" });
    this.rejectWaiters(new TransportStoppedError("requested", "disconnected on purpose"));
  }

  /**
   * Tells the transport a customer's latest message id when the webhook was handled elsewhere (the
   * commerce route parses webhooks without ingest()): sendPresence("composing") needs it.
   */
  rememberInbound(from: E164, messageId: string): void {
    this.lastInboundId.set(from, messageId);
  }

  /**
   * Feeds one parsed webhook delivery to the transport: inbound messages, receipts, failures and
   * limits become the usual events. Deliveries for another phone number (or WABA) are ignored;
   * returns whether the delivery was for this number.
   */
  ingest(events: CloudWebhookEvents): boolean {
    const mine = events.phoneNumberId ? events.phoneNumberId === this.config.phoneNumberId : events.wabaId === this.config.wabaId;
    if (!mine) return false;
    for (const message of events.inbound) {
      this.lastInboundId.set(message.from, message.id);
      this.acceptInbound(message);
    }
    for (const receipt of events.receipts) {
      this.acceptReceipt(receipt.messageId, receipt.status, new Date(receipt.timestamp), {
        ...(receipt.to ? { to: receipt.to } : {}),
        ...(receipt.correlationId ? { correlationId: receipt.correlationId } : {}),
      });
    }
    for (const { messageId, timestamp, ...failure } of events.failures) {
      this.acceptSendFailure(messageId, { ...failure, timestamp: new Date(timestamp) });
    }
    if (events.limits) {
      const { timestamp: _timestamp, ...limits } = events.limits;
      if (limits.reachoutTimelockUntil !== undefined) this.reachoutTimelockUntil = limits.reachoutTimelockUntil;
      if (this.health && limits.messagingLimitTier !== undefined) this.health = { ...this.health, messagingLimitTier: limits.messagingLimitTier };
      if (this.health && limits.qualityRating !== undefined) this.health = { ...this.health, qualityRating: limits.qualityRating };
      this.acceptLimits({
        ...limits,
        ...(limits.messagingLimitTier !== undefined ? { newChatMessageCap: uniqueUsersForTier(limits.messagingLimitTier) } : {}),
      });
    }
    return true;
  }

  protected async transmitText(to: E164, text: string, options: TransmitOptions): Promise<string> {
    return this.postMessage(textPayload(to, text, options.correlationId));
  }

  protected async transmitMedia(to: E164, media: OutboundMedia, options: TransmitOptions): Promise<string> {
    const { data, url, ...described } = media;
    const source = data ? { id: await this.upload({ ...media, data }) } : { link: url as string };
    return this.postMessage(mediaPayload(to, described, source, options.correlationId));
  }

  protected override async transmitTemplate(to: E164, template: TemplateMessage, options: TransmitOptions): Promise<string> {
    return this.postMessage(templatePayload(to, template, options.correlationId));
  }

  protected async transmitRead(_from: E164, messageId: string): Promise<void> {
    await this.graph({ path: `${this.config.phoneNumberId}/messages`, json: readPayload(messageId) });
  }

  /** "composing" marks the customer's last message read and shows "typing…"; Meta has no "paused" (it clears itself). */
  protected async transmitPresence(to: E164, state: PresenceState): Promise<void> {
    const lastId = this.lastInboundId.get(to);
    if (state !== "composing" || !lastId) return;
    await this.graph({ path: `${this.config.phoneNumberId}/messages`, json: readPayload(lastId, true) });
  }

  protected async fetchLimits(): Promise<AccountLimits> {
    this.health = await phoneNumberHealth(this.config);
    const timelock = this.reachoutTimelockUntil && Date.parse(this.reachoutTimelockUntil) > this.now().getTime() ? this.reachoutTimelockUntil : null;
    return {
      reachoutTimelockUntil: timelock,
      newChatMessageCap: uniqueUsersForTier(this.health.messagingLimitTier),
      newChatMessagesUsed: null,
      messagingLimitTier: this.health.messagingLimitTier,
      qualityRating: this.health.qualityRating,
    };
  }

  private async upload(media: OutboundMedia & { data: Uint8Array }): Promise<string> {
    const answer = await this.graph({ path: `${this.config.phoneNumberId}/media`, form: mediaUploadForm(media) });
    return uploadAnswerSchema.parse(answer).id;
  }

  private async postMessage(payload: Record<string, unknown>): Promise<string> {
    const answer = await this.graph({ path: `${this.config.phoneNumberId}/messages`, json: payload });
    return sendAnswerSchema.parse(answer).messages[0]!.id;
  }

  /** A Graph call whose error answer becomes a TransportSendError (network failures stay as they are: outcome unknown). */
  private async graph(request: Parameters<typeof graphRequest>[1]): Promise<unknown> {
    try {
      return await graphRequest(this.config, request);
    } catch (error) {
      if (error instanceof GraphApiError) throw mapGraphError(error.httpStatus, error.body);
      throw error;
    }
  }

  private async tryOpen(): Promise<void> {
    this.cancelRetry = null;
    this.setConnection({ state: "connecting" });
    try {
      const health = await phoneNumberHealth(this.config);
      if (!this.running) return;
      this.health = health;
      this.attempt = 0;
      this.setConnection({ state: "open" });
      for (const waiter of this.waiters.splice(0)) waiter.resolve();
    } catch (error) {
      if (!this.running) return;
      const problem = configurationProblem(error, this.config);
      const statusCode = error instanceof GraphApiError ? error.httpStatus : undefined;
      if (problem) {
        this.running = false;
        this.setConnection({ state: "closed", reason: problem.kind, action: "stop", ...(statusCode ? { statusCode } : {}), message: problem.message });
        this.events.emit("alert", { kind: problem.kind, message: problem.message, timestamp: this.now().toISOString() });
        this.rejectWaiters(new TransportStoppedError(problem.kind, problem.message));
        return;
      }
      const retryInMs = backoffDelay(this.attempt, this.backoff);
      this.attempt += 1;
      const message = `could not reach the Graph API: ${(error as Error).message}`;
      this.setConnection({ state: "closed", reason: "unavailableService", action: "reconnect", retryInMs, ...(statusCode ? { statusCode } : {}), message });
      this.cancelRetry = this.schedule(() => void this.tryOpen(), retryInMs);
    }
  }

  private rejectWaiters(error: Error): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }
}
