import type { MessageStatus } from "@voltura/whatsapp-transport";
import type { ContextKind, MessageMedia, MessageTemplate } from "./models/whatsapp-message";

/** A whatsapp_message row as raw SQL returns it. */
export interface MessageRow {
  id: string;
  session_id: string;
  direction: "in" | "out";
  phone: string;
  customer_id: string | null;
  body: string;
  media: MessageMedia | null;
  wa_message_id: string | null;
  status: MessageStatus;
  status_changed_at: Date | string | null;
  error: string | null;
  idempotency_key: string | null;
  context_kind: ContextKind | null;
  context_ref: string | null;
  sender_name: string | null;
  simulated: boolean;
  lease_until: Date | string | null;
  claimed_by: string | null;
  send_attempts: number;
  template: MessageTemplate | null;
  created_at: Date | string;
  updated_at: Date | string;
}
