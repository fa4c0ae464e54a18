import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { signWebhookBody } from "../cloud-api/webhook-signature.js";
import type { CloudApiConfig } from "../cloud-api/graph-client.js";
import type { MessagingLimitTier, QualityRating, ReceiptStatus } from "../types.js";
import {
  inboundWebhookPayload,
  newWamid,
  qualityWebhookPayload,
  restrictionWebhookPayload,
  statusWebhookPayload,
  templateStatusWebhookPayload,
  type GraphErrorSpec,
  type InboundSpec,
  type WebhookIdentity,
} from "./fake-graph-payloads.js";
import {
  FakeGraphAccount,
  type Answer,
  type FailureEndpoint,
  type FakeGraphMedia,
  type FakeGraphReadMark,
  type FakeGraphSentMessage,
  type FakeGraphTemplate,
  type FakeTemplateStatus,
} from "./fake-graph-state.js";
import { routeGraphRequest, type GraphRoutesContext } from "./fake-graph-routes.js";

export type { FakeGraphMedia, FakeGraphReadMark, FakeGraphSentMessage, FakeGraphTemplate, FakeTemplateStatus, FailureEndpoint, InboundSpec, GraphErrorSpec };

export interface FakeGraphApiOptions {
  /** Signs webhooks (default "fake-app-secret"). */
  appSecret?: string;
  /** The only bearer token accepted; anything else is refused with Graph error 190 (default "fake-access-token-0123456789"). */
  accessToken?: string;
  /** Default "100000000000001". Other ids answer Graph error 100 (subcode 33). */
  phoneNumberId?: string;
  /** Default "200000000000001". */
  wabaId?: string;
  /** Digits, default "60390000000". */
  displayPhoneNumber?: string;
  verifiedName?: string;
  /** When set, every webhook (inbound, statuses, tier / template updates) is POSTed here, signed. */
  webhookUrl?: string;
  /** Statuses POSTed to webhookUrl after each accepted send (default ["sent", "delivered"]; [] for none). */
  autoStatuses?: ReceiptStatus[];
  /** Post every automatic status webhook twice (Meta re-delivers). */
  duplicateWebhooks?: boolean;
  /** Post the automatic statuses newest first (delivered before sent). */
  outOfOrder?: boolean;
  /**
   * Free text to a customer whose window is closed: "answer" (default) refuses the send with 131047;
   * "failedStatus" accepts it (a wamid, listed in `sent` with `failedWith`) and then POSTs a failed status
   * with 131047 instead of sent / delivered, as the real API mostly does.
   */
  windowRefusal?: "answer" | "failedStatus";
  /** Submitted templates start APPROVED instead of PENDING. */
  autoApproveSubmissions?: boolean;
  now?: () => Date;
}

/** A signed webhook delivery: the raw body and its X-Hub-Signature-256. */
export interface SignedWebhook {
  body: string;
  signature: string;
  payload: unknown;
}

export interface WebhookDelivery extends SignedWebhook {
  /** The receiver's HTTP status, or null when the POST failed (then `error`). */
  httpStatus: number | null;
  error?: string;
}

export interface FakeGraphApi {
  /** Base URL to use as `graphBaseUrl`. */
  url: string;
  apiVersion: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  appSecret: string;
  /** A CloudApiConfig pointing at this fake (override any field, e.g. a wrong accessToken). */
  config(overrides?: Partial<CloudApiConfig>): CloudApiConfig;
  /** Every message accepted, oldest first (read marks are in `reads`). */
  sent: FakeGraphSentMessage[];
  reads: FakeGraphReadMark[];
  /** Keyed "name|language". */
  templates: Map<string, FakeGraphTemplate>;
  /** Uploaded media by id. */
  media: Map<string, FakeGraphMedia>;
  /** Every webhook POSTed to webhookUrl, oldest first. */
  webhookDeliveries: WebhookDelivery[];
  /** The customer wrote just now: free text may be sent for 24 h. */
  openWindow(phone: string): void;
  closeWindow(phone: string): void;
  isWindowOpen(phone: string): boolean;
  /** The next call to `endpoint` (default messages; read marks are never failed) answers this Graph error. */
  failNext(errorCode: number, options?: Omit<GraphErrorSpec, "code"> & { endpoint?: FailureEndpoint }): void;
  /** Creates or approves a template; `bodyText` ("Hai {{1}}…") sets how many body params a send must pass. */
  approveTemplate(name: string, language: string, bodyText?: string, category?: string): Promise<SignedWebhook>;
  rejectTemplate(name: string, language: string, reason?: string): Promise<SignedWebhook>;
  setTemplateStatus(name: string, language: string, status: FakeTemplateStatus, reason?: string): Promise<SignedWebhook>;
  setTier(tier: MessagingLimitTier): Promise<SignedWebhook>;
  setQuality(quality: QualityRating): Promise<SignedWebhook>;
  /** Meta restricts business-initiated messages until `until` (account_update), or lifts it (null). */
  setBusinessRestriction(until: Date | null): Promise<SignedWebhook>;
  /** Stores bytes as received media (for deliverInbound({ media: { id } })). */
  addMedia(bytes: Uint8Array, mimeType: string, fileName?: string): FakeGraphMedia;
  /** A customer writes (opens their window); returns the signed webhook, POSTed when webhookUrl is set. */
  deliverInbound(spec: InboundSpec): Promise<SignedWebhook & { messageId: string }>;
  /** A status for a sent message (recipient and correlation id filled in from `sent` when known). */
  deliverStatus(wamid: string, status: ReceiptStatus | "failed", options?: { error?: { code: number; title?: string; details?: string }; to?: string; correlationId?: string; at?: Date }): Promise<SignedWebhook>;
  /** Signs any payload as Meta would (nothing is sent). */
  signedWebhook(payload: unknown): SignedWebhook;
  /** Resolves when every webhook POST started so far has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

function answer(response: ServerResponse, result: Answer): void {
  if (result.body instanceof Uint8Array) {
    response.writeHead(result.httpStatus, { "content-type": "application/octet-stream" }).end(result.body);
    return;
  }
  response.writeHead(result.httpStatus, { "content-type": "application/json" }).end(JSON.stringify(result.body));
}

/**
 * A local Graph API for tests: the WhatsApp Cloud API endpoints the transport uses, with Meta's
 * wire format and error bodies, a 24-hour window per customer, templates with statuses, media, a
 * token check, scripted failures and signed webhook deliveries. Listens on 127.0.0.1 (random port).
 */
export async function startFakeGraphApi(options: FakeGraphApiOptions = {}): Promise<FakeGraphApi> {
  const now = options.now ?? (() => new Date());
  const account = new FakeGraphAccount(now, options.autoApproveSubmissions ?? false, options.windowRefusal ?? "answer");
  const appSecret = options.appSecret ?? "fake-app-secret";
  const accessToken = options.accessToken ?? "fake-access-token-0123456789";
  const identity: WebhookIdentity = {
    phoneNumberId: options.phoneNumberId ?? "100000000000001",
    wabaId: options.wabaId ?? "200000000000001",
    displayPhoneNumber: options.displayPhoneNumber ?? "60390000000",
  };
  const deliveries: WebhookDelivery[] = [];
  const inFlight = new Set<Promise<void>>();
  let baseUrl = "";

  const signedWebhook = (payload: unknown): SignedWebhook => {
    const body = JSON.stringify(payload);
    return { body, signature: signWebhookBody(body, appSecret), payload };
  };

  const post = (webhook: SignedWebhook): Promise<void> => {
    if (!options.webhookUrl) return Promise.resolve();
    const delivery: WebhookDelivery = { ...webhook, httpStatus: null };
    deliveries.push(delivery);
    const sending = fetch(options.webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": webhook.signature },
      body: webhook.body,
    })
      .then(async (response) => {
        delivery.httpStatus = response.status;
        await response.arrayBuffer();
      })
      .catch((error: unknown) => {
        delivery.error = String(error);
      });
    inFlight.add(sending);
    return sending.finally(() => inFlight.delete(sending));
  };

  const deliver = async (payload: unknown): Promise<SignedWebhook> => {
    const webhook = signedWebhook(payload);
    await post(webhook);
    return webhook;
  };

  const autoStatuses = (message: FakeGraphSentMessage): void => {
    if (!options.webhookUrl) return;
    const statuses: (ReceiptStatus | "failed")[] = message.failedWith ? ["failed"] : [...(options.autoStatuses ?? ["sent", "delivered"])];
    if (options.outOfOrder) statuses.reverse();
    const run = async () => {
      for (const status of statuses) {
        const webhook = signedWebhook(
          statusWebhookPayload(
            identity,
            {
              wamid: message.wamid,
              status,
              to: message.to,
              ...(message.correlationId ? { correlationId: message.correlationId } : {}),
              ...(message.failedWith ? { error: { code: message.failedWith } } : {}),
            },
            now(),
          ),
        );
        await post(webhook);
        if (options.duplicateWebhooks) await post(webhook);
      }
    };
    const running = new Promise<void>((resolve) => setImmediate(resolve)).then(run);
    inFlight.add(running);
    void running.finally(() => inFlight.delete(running));
  };

  const routes: GraphRoutesContext = {
    account,
    identity,
    accessToken,
    verifiedName: options.verifiedName ?? "Voltura Repair",
    baseUrl: () => baseUrl,
    onAccepted: autoStatuses,
    onTemplateSubmitted: (template) => void deliver(templateStatusWebhookPayload(identity, template, now())),
  };
  const server = createServer((request, response) => {
    routeGraphRequest(request, routes).then(
      (result) => answer(response, result),
      (error: unknown) => answer(response, { httpStatus: 500, body: { error: { message: String(error), code: 1 } } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const setTemplateStatus = (name: string, language: string, status: FakeTemplateStatus, reason?: string, bodyText?: string, category?: string) => {
    const existing = account.template(name, language);
    const template = account.putTemplate({
      name,
      language,
      status,
      category: category ?? existing?.category ?? "UTILITY",
      ...(bodyText !== undefined ? { bodyText } : {}),
      ...(reason ? { rejectedReason: reason } : {}),
    });
    return deliver(templateStatusWebhookPayload(identity, { ...template, reason: reason ?? null }, now()));
  };

  return {
    url: baseUrl,
    apiVersion: "v21.0",
    phoneNumberId: identity.phoneNumberId,
    wabaId: identity.wabaId,
    accessToken,
    appSecret,
    config: (overrides = {}) => ({ phoneNumberId: identity.phoneNumberId, wabaId: identity.wabaId, accessToken, graphBaseUrl: baseUrl, apiVersion: "v21.0", ...overrides }),
    sent: account.sent,
    reads: account.reads,
    templates: account.templates,
    media: account.media,
    webhookDeliveries: deliveries,
    openWindow: (phone) => void account.windows.set(`+${phone.replace(/^\+/, "")}`, now().getTime()),
    closeWindow: (phone) => void account.windows.delete(`+${phone.replace(/^\+/, "")}`),
    isWindowOpen: (phone) => account.isWindowOpen(phone),
    failNext: (code, { endpoint = "messages", ...spec } = {}) => account.failNext(endpoint, { code, ...spec }),
    approveTemplate: (name, language, bodyText, category) => setTemplateStatus(name, language, "APPROVED", undefined, bodyText, category),
    rejectTemplate: (name, language, reason = "INVALID_FORMAT") => setTemplateStatus(name, language, "REJECTED", reason),
    setTemplateStatus: (name, language, status, reason) => setTemplateStatus(name, language, status, reason),
    setTier: (tier) => {
      account.tier = tier;
      return deliver(qualityWebhookPayload(identity, tier, null, now()));
    },
    setQuality: (quality) => {
      account.quality = quality;
      return deliver(qualityWebhookPayload(identity, account.tier, quality, now()));
    },
    setBusinessRestriction: (until) => deliver(restrictionWebhookPayload(identity, until, now())),
    addMedia: (bytes, mimeType, fileName) => account.addMedia(bytes, mimeType, fileName),
    deliverInbound: async (spec) => {
      const messageId = spec.id ?? newWamid();
      const from = `+${spec.from.replace(/^\+/, "")}`;
      account.windows.set(from, Math.max(account.windows.get(from) ?? 0, (spec.at ?? now()).getTime()));
      account.inboundSenders.set(messageId, from);
      return { ...(await deliver(inboundWebhookPayload(identity, { ...spec, id: messageId }, now()))), messageId };
    },
    deliverStatus: (wamid, status, { error, to, correlationId, at } = {}) => {
      const sent = account.sent.find((message) => message.wamid === wamid);
      const recipient = to ?? sent?.to;
      if (!recipient) throw new Error(`the fake never sent ${wamid}: pass options.to`);
      const correlation = correlationId ?? sent?.correlationId;
      return deliver(
        statusWebhookPayload(identity, { wamid, status, to: recipient, ...(correlation ? { correlationId: correlation } : {}), ...(error ? { error } : {}), ...(at ? { at } : {}) }, now()),
      );
    },
    signedWebhook,
    idle: async () => {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    close: async () => {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
