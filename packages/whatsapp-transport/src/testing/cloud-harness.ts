import { CloudApiTransport, type CloudApiTransportOptions } from "../cloud-api/cloud-api-transport.js";
import { parseCloudWebhook } from "../cloud-api/parse-webhook.js";
import { verifyWebhookSignature } from "../cloud-api/webhook-signature.js";
import type { LimitsScenario, TransportHarness } from "../contract/harness.js";
import type { E164, ReceiptStatus } from "../types.js";
import { startFakeGraphApi, type FakeGraphApi, type FakeGraphApiOptions, type SignedWebhook } from "./fake-graph-api.js";

/** The Cloud API error codes that stand for WhatsApp Web's 463 / 401 / 403 refusals. */
const CLOUD_EQUIVALENT: Record<number, number> = { 463: 131031, 401: 190, 403: 10 };

function cloudCode(statusCode: number): number {
  const code = CLOUD_EQUIVALENT[statusCode];
  if (code === undefined) throw new Error(`no Cloud API equivalent for status code ${statusCode}`);
  return code;
}

/** The tier ladder: the cap follows the tier (uniqueUsersForTier), a restriction is an account_update. */
function tierLimitsScenario(requestedUntil: string): LimitsScenario {
  // Webhooks carry unix seconds.
  const until = new Date(Math.floor(Date.parse(requestedUntil) / 1000) * 1000).toISOString();
  return {
    initial: { reachoutTimelockUntil: null, newChatMessageCap: 250, messagingLimitTier: "TIER_250", qualityRating: "GREEN" },
    raise: {
      announce: { reachoutTimelockUntil: until, newChatMessageCap: 1_000, messagingLimitTier: "TIER_1K", qualityRating: "RED" },
      expect: { reachoutTimelockUntil: until, newChatMessageCap: 1_000, messagingLimitTier: "TIER_1K", qualityRating: "RED" },
    },
    lift: {
      announce: { reachoutTimelockUntil: null, newChatMessageCap: 10_000, messagingLimitTier: "TIER_10K", qualityRating: "GREEN" },
      expect: { reachoutTimelockUntil: null, newChatMessageCap: 10_000, messagingLimitTier: "TIER_10K" },
    },
  };
}

/**
 * CloudApiTransport against the fake Graph API. Everything the medium says comes back the way it
 * does in production: as a signed webhook, verified with verifyWebhookSignature, parsed with
 * parseCloudWebhook, then handed to transport.ingest().
 */
export async function cloudApiHarness(
  options: { fake?: FakeGraphApiOptions; transport?: Partial<CloudApiTransportOptions> } = {},
): Promise<TransportHarness & { transport: CloudApiTransport; fake: FakeGraphApi; ingestSigned(webhook: SignedWebhook): void }> {
  const fake = await startFakeGraphApi(options.fake);
  const transport = new CloudApiTransport({ ...fake.config(), schedule: () => () => undefined, ...options.transport });
  const ingestSigned = (webhook: SignedWebhook): void => {
    if (!verifyWebhookSignature(webhook.body, webhook.signature, fake.appSecret)) throw new Error("the fake's webhook failed signature verification");
    transport.ingest(parseCloudWebhook(JSON.parse(webhook.body)));
  };
  return {
    transport,
    fake,
    ingestSigned,
    async deliverInbound({ id, from, text }) {
      ingestSigned(await fake.deliverInbound({ id, from, text }));
    },
    async deliverReceipt(messageId: string, status: ReceiptStatus) {
      ingestSigned(await fake.deliverStatus(messageId, status));
    },
    transmittedCount: () => fake.sent.length,
    lastTransmittedText: () => fake.sent.at(-1)?.text,
    presences: () => fake.reads.filter((mark) => mark.typing).map((mark) => ({ to: mark.from as E164, state: "composing" as const })),
    presenceStatesCarried: ["composing"],
    readMarks: () => fake.reads.filter((mark) => !mark.typing).map((mark) => ({ from: mark.from as E164, messageId: mark.messageId })),
    async announceLimits({ reachoutTimelockUntil, messagingLimitTier, qualityRating }) {
      if (messagingLimitTier) ingestSigned(await fake.setTier(messagingLimitTier));
      if (qualityRating) ingestSigned(await fake.setQuality(qualityRating));
      ingestSigned(await fake.setBusinessRestriction(reachoutTimelockUntil ? new Date(reachoutTimelockUntil) : null));
    },
    limitsScenario: tierLimitsScenario,
    refuseNextSend: (statusCode) => fake.failNext(cloudCode(statusCode)),
    refusalFields: (statusCode) => ({ errorCode: cloudCode(statusCode) }),
    async refuseAck(messageId, statusCode) {
      ingestSigned(await fake.deliverStatus(messageId, "failed", { error: { code: cloudCode(statusCode) } }));
    },
    async approveTemplate(name, language, bodyText) {
      await fake.approveTemplate(name, language, bodyText);
    },
    openWindow: (phone) => fake.openWindow(phone),
    closeWindow: (phone) => fake.closeWindow(phone),
    async dispose() {
      await transport.disconnect();
      await fake.close();
    },
  };
}
