/** Activities of the WhatsApp gateway, as workflows see them (types only). */
import type { MessageTemplateKind } from "@voltura/domain";

export type WhatsAppContextKind = "concierge" | "staff" | "quote" | "reminder" | "receipt" | "document" | "alert" | "campaign";

export interface SendWhatsAppRequest {
  /** The same key always means the same message: a retried activity never sends twice. */
  idempotencyKey: string;
  /** Any Malaysian format or E.164. */
  to: string;
  body: string;
  /** A shop file (`file_id`) or an allowed URL. */
  media?: { url?: string; file_id?: string; mimetype: string; filename?: string; caption?: string };
  /** The WhatsApp number to send from (a campaign's sender); by default the gateway's default session. */
  sessionId?: string;
  context?: { kind: WhatsAppContextKind; ref?: string };
  /**
   * The message template `body` was written from: when the shop has its own text for this kind, the
   * activity sends that text filled with `values` (read at send time) instead of `body`.
   */
  template?: { kind: MessageTemplateKind; values: Record<string, string> };
  /**
   * An approved WhatsApp template to send instead of `body` (a campaign recipient on the template route, from a
   * Cloud API number); `body` stays its readable text for the message log.
   */
  cloudTemplate?: { name: string; language: string; params: string[] };
  /**
   * The purpose a shop binds a template to (`quote_sent`, `quote_reminder`, `pickup_day<n>`), with the values of its
   * variables: commerce sends that template instead of `body` when the number is a Cloud API one and the customer's
   * 24 h window is closed.
   */
  templatePurpose?: string;
  variables?: Record<string, string>;
}

export interface SendWhatsAppOutcome {
  /** The gateway's message id (`wa_msg_…`). */
  messageId: string;
  /** WhatsApp's id, null while the message waits in the owner's outbox. */
  waMessageId: string | null;
  status: "pending" | "sent" | "delivered" | "read" | "failed";
}

/** Non-retryable failure types of sendWhatsApp. */
export const WHATSAPP_SEND_FAILURES = {
  /** A reminder to a contact who opted out (STOP / BERHENTI / unsubscribe). */
  optedOut: "OptedOut",
  /** The gateway refused the request (bad phone, unknown session): retrying cannot help. */
  refused: "WhatsAppRefused",
} as const;

export interface WhatsAppActivities {
  sendWhatsApp(input: SendWhatsAppRequest): Promise<SendWhatsAppOutcome>;
}
