import { z } from "zod";
import { type CommerceClient } from "./client.js";
import { querySuffix as qs } from "./query-string.js";
import {
  type UpdateCloudConfigBody,
  type SendWhatsAppBody,
  type ListWhatsAppMessagesQuery,
  type SimulatorInboundBody,
  type SimulatorLimitsBody,
  type SimulatorReceiptBody,
  type CreateWhatsAppSessionBody,
  whatsappMessageSchema,
  type WhatsAppMessage,
  whatsappMessageListSchema,
  type WhatsAppMessageList,
  whatsappSendAnswerSchema,
  whatsappSessionSchema,
  type WhatsAppSession,
  whatsappContactSchema,
  type WhatsAppContact,
  whatsappHealthSchema,
  type WhatsAppHealth,
  type WhatsAppPresenceBody,
} from "@voltura/contracts";

// ---- typed calls (take a CommerceClient, so each domain keeps its own file) ----

/**
 * Sends (or finds the message already sent under the same idempotency key). Refused with 409
 * (CommerceError.body.code "opted_out") for reminders and campaign messages to a contact who opted out,
 * and with 422 (body: whatsappSendRefusedSchema) when WhatsApp refused it with 463 / 401 / 403.
 */
export function sendWhatsAppMessage(client: CommerceClient, body: SendWhatsAppBody) {
  return client.request("POST", "/admin/whatsapp/messages", whatsappSendAnswerSchema, body);
}

export function listWhatsAppMessages(client: CommerceClient, query: ListWhatsAppMessagesQuery = {}): Promise<WhatsAppMessageList> {
  return client.request("GET", `/admin/whatsapp/messages${qs(query)}`, whatsappMessageListSchema);
}

export async function listWhatsAppSessions(client: CommerceClient): Promise<WhatsAppSession[]> {
  return (await client.request("GET", "/admin/whatsapp/sessions", z.object({ sessions: z.array(whatsappSessionSchema) }))).sessions;
}

export async function getWhatsAppSession(client: CommerceClient, id: string): Promise<WhatsAppSession> {
  return (await client.request("GET", `/admin/whatsapp/sessions/${encodeURIComponent(id)}`, z.object({ session: whatsappSessionSchema }))).session;
}

export async function createWhatsAppSession(client: CommerceClient, body: CreateWhatsAppSessionBody): Promise<WhatsAppSession> {
  return (await client.request("POST", "/admin/whatsapp/sessions", z.object({ session: whatsappSessionSchema }), body)).session;
}

export async function deleteWhatsAppSession(client: CommerceClient, id: string): Promise<void> {
  await client.request("DELETE", `/admin/whatsapp/sessions/${encodeURIComponent(id)}`, z.object({ id: z.string(), deleted: z.boolean() }));
}

/** Changes a Cloud API number's ids or secrets (only those given); the session as stored after. */
export async function updateWhatsAppCloudConfig(client: CommerceClient, id: string, body: UpdateCloudConfigBody): Promise<WhatsAppSession> {
  return (await client.request("PATCH", `/admin/whatsapp/sessions/${encodeURIComponent(id)}/cloud`, z.object({ session: whatsappSessionSchema }), body)).session;
}

/** Starts (or restarts) pairing: the session's `qr` fills in while it waits for the scan. */
export async function pairWhatsAppSession(client: CommerceClient, id: string): Promise<WhatsAppSession> {
  return (await client.request("POST", `/admin/whatsapp/sessions/${encodeURIComponent(id)}/pair`, z.object({ session: whatsappSessionSchema }), {})).session;
}

/** Simulator sessions only: "scans" the pairing code. */
export async function scanSimulatorSession(client: CommerceClient, id: string): Promise<WhatsAppSession> {
  return (await client.request("POST", `/admin/whatsapp/sessions/${encodeURIComponent(id)}/scan`, z.object({ session: whatsappSessionSchema }), {})).session;
}

/** Typing presence ("composing") to a chat from this session, before a campaign message. */
export async function sendWhatsAppPresence(client: CommerceClient, sessionId: string, body: WhatsAppPresenceBody): Promise<void> {
  await client.request("POST", `/admin/whatsapp/sessions/${encodeURIComponent(sessionId)}/presence`, z.unknown(), body);
}

export function getWhatsAppHealth(client: CommerceClient): Promise<WhatsAppHealth> {
  return client.request("GET", "/admin/whatsapp/health", whatsappHealthSchema);
}

/** Plays WhatsApp's limits on a simulator session; the session as stored after. */
export async function simulateWhatsAppLimits(client: CommerceClient, body: SimulatorLimitsBody): Promise<WhatsAppSession> {
  return (await client.request("POST", "/admin/whatsapp/simulator/limits", z.object({ session: whatsappSessionSchema }), body)).session;
}

export function simulateWhatsAppInbound(client: CommerceClient, body: SimulatorInboundBody) {
  return client.request("POST", "/admin/whatsapp/simulator/inbound", z.object({ message: whatsappMessageSchema, duplicate: z.boolean() }), body);
}

export async function simulateWhatsAppReceipt(client: CommerceClient, messageId: string, body: SimulatorReceiptBody): Promise<WhatsAppMessage> {
  const path = `/admin/whatsapp/simulator/messages/${encodeURIComponent(messageId)}/receipt`;
  return (await client.request("POST", path, z.object({ message: whatsappMessageSchema }), body)).message;
}

export async function optOutWhatsAppContact(client: CommerceClient, phone: string): Promise<WhatsAppContact> {
  return (await client.request("POST", "/admin/whatsapp/contacts/opt-out", z.object({ contact: whatsappContactSchema }), { phone })).contact;
}

export async function optInWhatsAppContact(client: CommerceClient, phone: string): Promise<WhatsAppContact> {
  return (await client.request("POST", "/admin/whatsapp/contacts/opt-in", z.object({ contact: whatsappContactSchema }), { phone })).contact;
}
