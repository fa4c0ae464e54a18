import {
  BaileysTransport,
  sealedAuthStateStore,
  SimulatorTransport,
  type AuthStateKeys,
  type ConnectionEvent,
  type InboundMessage,
  type LimitsEvent,
  type Receipt,
  type SendFailure,
  type TransportAlert,
  type WhatsAppTransport,
} from "@voltura/whatsapp-transport";
import type WhatsAppModuleService from "../modules/whatsapp/service";
import type { SessionKind } from "../modules/whatsapp/models/whatsapp-session";
import { limitsFromEvent } from "../domain/session-signals";
import type { SessionPatch } from "../workflows/steps/sessions";
import { loadBaileysParts } from "./baileys-socket";
import { simulatorWireLog } from "./simulator-wire";

export interface SessionRecord {
  id: string;
  kind: SessionKind;
  paired_at: Date | string | null;
}

export interface SessionHandlers {
  patch(patch: Omit<SessionPatch, "id">): void;
  inbound(message: InboundMessage): void;
  receipt(receipt: Receipt): void;
  /** WhatsApp refused a message in its acknowledgement. */
  sendFailed(failure: SendFailure): void;
  /** The connection opened (the limits are read again). */
  opened(): void;
  error(error: Error): void;
}

/** The patch for limits WhatsApp announced (only what the announcement carries). */
export function patchForLimits(event: LimitsEvent): Omit<SessionPatch, "id"> {
  return { limits: limitsFromEvent(event) };
}

/** The health patch for a connection event, following the reconnect policy's verdict. */
export function patchForConnection(event: ConnectionEvent, kind: SessionKind, now: Date): Omit<SessionPatch, "id"> {
  if (event.state === "connecting") return { state: "connecting" };
  if (event.state === "open") return { state: "open", qr: null, last_seen_at: now, ...(kind === "simulator" ? { paired_at: now } : {}) };
  const reason = event.reason;
  switch (event.action) {
    case "reconnect":
      return { state: "closed", last_disconnect_reason: reason, count_reconnect: true };
    case "repair":
      return { state: "needs_pairing", enabled: false, qr: null, paired_at: null, phone: null, last_disconnect_reason: reason };
    case "stop":
      return { state: "stopped", enabled: false, qr: null, last_disconnect_reason: reason };
    default:
      return { state: "closed", qr: null, last_disconnect_reason: reason };
  }
}

export function alertPatch(alert: TransportAlert): Omit<SessionPatch, "id"> {
  return { alert: { kind: alert.kind, message: alert.message, at: alert.timestamp } };
}

/** Builds the transport for a session's kind: the simulator in memory, Baileys on the encrypted DB auth state. */
export async function createTransport(
  session: SessionRecord,
  service: WhatsAppModuleService,
  keys: AuthStateKeys | null,
): Promise<WhatsAppTransport> {
  if (session.kind === "simulator") return new SimulatorTransport({ requirePairing: !session.paired_at, onTransmit: simulatorWireLog() });
  if (!keys) throw new Error("The key ring (VOLTURA_KEYS_FILE) is missing or invalid: Baileys sessions stay stopped until it is set");
  const authStore = sealedAuthStateStore(service.authBlobs(session.id), keys, session.id);
  const parts = await loadBaileysParts(authStore);
  return new BaileysTransport({
    socketFactory: parts.socketFactory,
    authStore,
    initAuthCreds: parts.initAuthCreds,
    reviveKey: parts.reviveKey,
  });
}

/** Wires a transport's events to the handlers; returns the function that detaches them. */
export function attachTransport(transport: WhatsAppTransport, kind: SessionKind, handlers: SessionHandlers): () => void {
  const offs = [
    transport.on("qr", (qr) => handlers.patch({ state: "pairing", qr })),
    transport.on("connection", (event) => {
      const patch = patchForConnection(event, kind, new Date());
      const user = transport instanceof BaileysTransport ? transport.user : undefined;
      const phone = event.state === "open" && user?.id ? `+${user.id.split(/[:@]/)[0]}` : undefined;
      handlers.patch(phone ? { ...patch, phone } : patch);
      if (event.state === "open") handlers.opened();
    }),
    transport.on("limits", (event) => handlers.patch(patchForLimits(event))),
    transport.on("sendFailed", (failure) => handlers.sendFailed(failure)),
    transport.on("alert", (alert) => handlers.patch(alertPatch(alert))),
    transport.on("message", (message) => handlers.inbound(message)),
    transport.on("receipt", (receipt) => handlers.receipt(receipt)),
    transport.on("error", (error) => handlers.error(error)),
  ];
  return () => offs.forEach((off) => off());
}
