import {
  BaileysTransport,
  CloudApiTransport,
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
import type WhatsAppModuleService from "../service";
import type { NewInbound } from "../service";
import { cloudTransportConfig } from "./cloud-config";
import type { SessionKind } from "../models/whatsapp-session";
import { limitsFromEvent } from "../../../domain/session-signals";
import type { SessionPatch } from "../../../workflows/steps/sessions";
import { loadBaileysParts } from "./baileys-socket";
import { simulatorWireLog } from "./simulator-wire";

export interface SessionRecord {
  id: string;
  kind: SessionKind;
  paired_at: Date | string | null;
  cloud_phone_number_id?: string | null;
  cloud_waba_id?: string | null;
  cloud_secrets?: string | null;
}

/** What a session connects with: when it changes (a Cloud API number's new token or ids), the owner reconnects. */
export function configStamp(session: SessionRecord): string {
  return [session.kind, session.cloud_phone_number_id ?? "", session.cloud_waba_id ?? "", session.cloud_secrets ?? ""].join("|");
}

/** An inbound message as the one inbound path (record-inbound-whatsapp) takes it, whatever carried it. */
export function inboundInput(sessionId: string, message: InboundMessage, simulated: boolean): NewInbound {
  return {
    session_id: sessionId,
    phone: message.from,
    body: message.text,
    media: message.media ? { kind: message.media.kind, mimetype: message.media.mimeType, filename: message.media.fileName, size_bytes: message.media.sizeBytes } : null,
    wa_message_id: message.id,
    sender_name: message.pushName ?? null,
    received_at: message.timestamp,
    simulated,
  };
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

/**
 * Builds the transport for a session's kind: the simulator in memory, Baileys on the encrypted DB
 * auth state, the Cloud API with the session's sealed secrets (Graph API at WHATSAPP_GRAPH_URL).
 */
export async function createTransport(
  session: SessionRecord,
  service: WhatsAppModuleService,
  keys: AuthStateKeys | null,
): Promise<WhatsAppTransport> {
  if (session.kind === "simulator") return new SimulatorTransport({ requirePairing: !session.paired_at, onTransmit: simulatorWireLog() });
  if (session.kind === "cloud_api") return new CloudApiTransport(cloudTransportConfig(session));
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

/** The number a connected transport speaks for (E.164): Baileys' paired account, or what Meta says of a Cloud API number. */
function connectedPhone(transport: WhatsAppTransport): string | undefined {
  if (transport instanceof BaileysTransport) {
    const id = transport.user?.id;
    return id ? `+${id.split(/[:@]/)[0]}` : undefined;
  }
  if (transport instanceof CloudApiTransport) {
    const digits = transport.phoneNumber?.displayPhone.replace(/\D/g, "");
    return digits ? `+${digits}` : undefined;
  }
  return undefined;
}

/** Wires a transport's events to the handlers; returns the function that detaches them. */
export function attachTransport(transport: WhatsAppTransport, kind: SessionKind, handlers: SessionHandlers): () => void {
  const offs = [
    transport.on("qr", (qr) => handlers.patch({ state: "pairing", qr })),
    transport.on("connection", (event) => {
      const patch = patchForConnection(event, kind, new Date());
      const phone = event.state === "open" ? connectedPhone(transport) : undefined;
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
