import { InMemoryAuthStateStore } from "../auth-state/auth-state-store.js";
import { WAMessageStatus } from "../baileys/baileys-types.js";
import { BaileysTransport, type BaileysTransportOptions } from "../baileys/baileys-transport.js";
import { e164ToJid, jidToE164 } from "../phone.js";
import { SimulatorTransport } from "../simulator/simulator-transport.js";
import { createFakeBaileys, refusalError, type FakeBaileys } from "./fake-baileys.js";
import type { E164, ReceiptStatus } from "../types.js";
import type { TransportHarness } from "../contract/index.js";

/** Lets queued microtasks (fake socket scripts, async listeners) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

export function simulatorHarness(): TransportHarness & { transport: SimulatorTransport } {
  const transport = new SimulatorTransport();
  return {
    transport,
    async deliverInbound({ id, from, text }) {
      transport.simulateInbound(from, text, { id });
    },
    async deliverReceipt(messageId, status) {
      transport.simulateReceipt(messageId, status);
    },
    transmittedCount: () => transport.sentMessages().length,
    lastTransmittedText: () => transport.sentMessages().at(-1)?.text,
    presences: () => transport.presenceUpdates().map(({ to, state }) => ({ to, state })),
    readMarks: () => transport.readMarksSent().map(({ from, messageId }) => ({ from, messageId })),
    async approveTemplate(name, language, bodyText) {
      transport.registerTemplate(name, language, bodyText);
    },
    async announceLimits(limits) {
      transport.simulateLimits(limits);
    },
    refuseNextSend: (statusCode) => transport.simulateSendFailure(statusCode),
    async refuseAck(messageId, statusCode) {
      transport.simulateFailedAck(messageId, statusCode);
    },
    dispose: () => transport.disconnect(),
  };
}

const BAILEYS_STATUS: Record<ReceiptStatus, number> = {
  sent: WAMessageStatus.SERVER_ACK,
  delivered: WAMessageStatus.DELIVERY_ACK,
  read: WAMessageStatus.READ,
};

/** BaileysTransport over the fake socket, already paired, no real timers. */
export function baileysHarness(
  overrides: Partial<BaileysTransportOptions> = {},
): TransportHarness & { transport: BaileysTransport; fake: FakeBaileys; store: InMemoryAuthStateStore } {
  const fake = createFakeBaileys();
  const store = new InMemoryAuthStateStore({ creds: fake.registeredCreds(), keys: {} });
  const transport = new BaileysTransport({
    socketFactory: fake.socketFactory,
    authStore: store,
    initAuthCreds: fake.initAuthCreds,
    backoff: { random: () => 0.5 },
    schedule: () => () => undefined,
    ...overrides,
  });
  return {
    transport,
    fake,
    store,
    async deliverInbound({ id, from, text }) {
      fake.latest().receiveText(e164ToJid(from), text, { id });
      await settle();
    },
    async deliverReceipt(messageId, status) {
      fake.latest().receipt(messageId, BAILEYS_STATUS[status]);
      await settle();
    },
    transmittedCount: () => fake.sockets.reduce((total, socket) => total + socket.sent.length, 0),
    lastTransmittedText: () => {
      const content = fake.sockets.flatMap((socket) => socket.sent).at(-1)?.content;
      return content && "text" in content ? content.text : undefined;
    },
    readMarks: () =>
      fake.sockets.flatMap((socket) => socket.reads.map((key) => ({ from: jidToE164(key.remoteJid ?? null) as E164, messageId: key.id ?? "" }))),
    presences: () =>
      fake.sockets.flatMap((socket) =>
        socket.presences.map(({ type, toJid }) => ({ to: jidToE164(toJid ?? null) as E164, state: type as "composing" | "paused" })),
      ),
    async announceLimits({ reachoutTimelockUntil, newChatMessageCap }) {
      const socket = fake.latest();
      socket.setReachoutTimelock(
        reachoutTimelockUntil
          ? { isActive: true, timeEnforcementEnds: new Date(reachoutTimelockUntil), enforcementType: "BIZ_QUALITY" }
          : { isActive: false, enforcementType: "DEFAULT" },
      );
      socket.setNewChatCap(newChatMessageCap === null ? {} : { total_quota: newChatMessageCap, used_quota: 0, capping_status: "NONE" });
      await settle();
    },
    refuseNextSend: (statusCode) => fake.latest().failNextSend(refusalError(statusCode)),
    async refuseAck(messageId, statusCode) {
      fake.latest().failedAck(messageId, statusCode);
      await settle();
    },
    dispose: () => transport.disconnect(),
  };
}
