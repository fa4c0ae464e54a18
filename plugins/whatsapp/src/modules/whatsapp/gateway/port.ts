import type { TemplateMessage } from "@voltura/whatsapp-transport";
import type { MessageMedia } from "../models/whatsapp-message";

export interface OutboundRequest {
  session_id: string;
  phone: string;
  body: string;
  media: MessageMedia | null;
  idempotency_key: string;
  /**
   * The WhatsApp id to send under (stableWaMessageId), so a resend after a crash carries the same id;
   * null on a Cloud API number, where WhatsApp picks the id and the send records it.
   */
  wa_message_id: string | null;
  /** The `whatsapp_message` id: a Cloud API send carries it (`biz_opaque_callback_data`) so its statuses find the row. */
  correlationId?: string;
  /** Sent as this approved template (Cloud API; the simulator renders it as text). Read from the row when not given. */
  template?: TemplateMessage | null;
}

/** What workflow steps need from this process's session supervisor (kept apart to avoid an import cycle). */
export interface GatewayPort {
  /** This process's id in outbox claims (`claimed_by`). */
  readonly instanceId: string;
  /** The WhatsApp id a send with this key goes out under on this session's transport; null when WhatsApp picks it (Cloud API). */
  messageIdFor(sessionId: string, idempotencyKey: string): string | null;
  /** True when this process holds the session's lock (only the owner may send on it). */
  ownsSession(sessionId: string): boolean;
  /** Sends on an owned session; the transport also remembers the key, so a repeat in this process never goes out twice. */
  transmit(request: OutboundRequest): Promise<string>;
  /** Marks an inbound message read on WhatsApp (Cloud API sessions this process owns; best effort, never throws). */
  markRead?(sessionId: string, from: string, waMessageId: string): Promise<void>;
  /** Disconnects every owned session and frees their locks (the app is shutting down). */
  stop(): Promise<void>;
}

let current: GatewayPort | null = null;

export function registerGateway(port: GatewayPort | null): void {
  current = port;
}

export function currentGateway(): GatewayPort | null {
  return current;
}
