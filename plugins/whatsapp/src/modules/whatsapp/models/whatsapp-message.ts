import { model } from "@medusajs/framework/utils";
import { messageStatuses } from "@voltura/whatsapp-transport";
import type { MessageTemplate } from "../../../domain/cloud-send-rules";

export type { MessageTemplate } from "../../../domain/cloud-send-rules";

export const MESSAGE_DIRECTIONS = ["in", "out"] as const;
export const CONTEXT_KINDS = ["concierge", "staff", "quote", "reminder", "receipt", "document", "alert", "campaign"] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];

export interface MessageMedia {
  url?: string;
  /** The uploaded file it came from, when sent by file id. */
  file_id?: string;
  mimetype?: string;
  filename?: string;
  caption?: string;
  kind?: string;
  size_bytes?: number;
}


/**
 * The message log, both directions; inbound rows of a simulator session are `simulated`. Inbound
 * rows are unique per (session, WhatsApp id); outbound rows per idempotency key, so a retried
 * send finds the first one instead of sending again.
 */
export const WhatsAppMessage = model
  .define("whatsapp_message", {
    id: model.id({ prefix: "wa_msg" }).primaryKey(),
    session_id: model.text(),
    direction: model.enum([...MESSAGE_DIRECTIONS]),
    phone: model.text(),
    customer_id: model.text().nullable(),
    body: model.text(),
    media: model.json<MessageMedia>().nullable(),
    wa_message_id: model.text().nullable(),
    status: model.enum([...messageStatuses]).default("pending"),
    status_changed_at: model.dateTime().nullable(),
    error: model.text().nullable(),
    idempotency_key: model.text().nullable(),
    context_kind: model.enum([...CONTEXT_KINDS]).nullable(),
    context_ref: model.text().nullable(),
    sender_name: model.text().nullable(),
    /** Written by staff in the simulator, not by a customer's phone. */
    simulated: model.boolean().default(false),
    /** Outbox claim (domain/outbox.ts): the process sending it and until when; null when not held. */
    lease_until: model.dateTime().nullable(),
    claimed_by: model.text().nullable(),
    send_attempts: model.number().default(0),
    /** Set when the message is sent as a WhatsApp template (outside the 24-hour window on a Cloud API number). */
    template: model.json<MessageTemplate>().nullable(),
  })
  .indexes([
    { on: ["session_id", "wa_message_id"], unique: true, where: "wa_message_id IS NOT NULL" },
    { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL" },
    { on: ["phone", "created_at", "id"] },
    { on: ["created_at", "id"] },
    { on: ["customer_id"] },
  ]);
