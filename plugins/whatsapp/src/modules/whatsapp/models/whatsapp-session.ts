import { model } from "@medusajs/framework/utils";
import type { SendFailureMark, SessionLimits } from "../../../domain/session-signals";

export const SESSION_KINDS = ["baileys", "simulator", "cloud_api"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/**
 * What a session is doing, as the owning process last reported it:
 * - new: created, never started; pairing: waiting for the QR scan; connecting / open / closed: the socket;
 * - needs_pairing: logged out (credentials cleared), a person must pair again;
 * - stopped: the policy stopped it (connection replaced, forbidden…) and it will not retry by itself.
 */
export const SESSION_STATES = ["new", "pairing", "connecting", "open", "closed", "needs_pairing", "stopped"] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export interface SessionAlert {
  kind: string;
  message: string;
  at: string;
}

/**
 * A WhatsApp number the shop sends and receives on. Baileys credentials live in whatsapp_auth_state;
 * a Cloud API number keeps its ids here and its secrets sealed in `cloud_secrets`.
 */
export const WhatsAppSession = model
  .define("whatsapp_session", {
    id: model.id({ prefix: "wa_sess" }).primaryKey(),
    name: model.text(),
    kind: model.enum([...SESSION_KINDS]),
    /** The paired number (E.164), once WhatsApp told us. */
    phone: model.text().nullable(),
    state: model.enum([...SESSION_STATES]).default("new"),
    is_default: model.boolean().default(false),
    /** False after staff stop it, or the policy stopped it: the supervisor leaves it alone. */
    enabled: model.boolean().default(true),
    /** The latest pairing code while state is pairing. */
    qr: model.text().nullable(),
    paired_at: model.dateTime().nullable(),
    last_seen_at: model.dateTime().nullable(),
    reconnect_count: model.number().default(0),
    last_disconnect_reason: model.text().nullable(),
    /** The newest alerts first, at most 20. */
    alerts: model.json<SessionAlert[]>(),
    /** The process that holds the session's lock (for the health panel). */
    owner: model.text().nullable(),
    /** WhatsApp's limits on the number (reach-out timelock, new-chat cap), read on connect and every few minutes. */
    limits: model.json<SessionLimits>().nullable(),
    /** Sends refused with 463 / 401 / 403 in the last 24 h, newest first (see refusal-sql.ts). */
    send_failures: model.json<SendFailureMark[]>().nullable(),
    /** Cloud API: the number's id in Meta's Graph API (webhooks name the number by it). */
    cloud_phone_number_id: model.text().nullable(),
    /** Cloud API: the WhatsApp Business Account the number belongs to (templates live there). */
    cloud_waba_id: model.text().nullable(),
    /** Cloud API: `{access_token, app_secret, verify_token}` sealed with the key ring (modules/whatsapp/gateway/cloud-secrets.ts). */
    cloud_secrets: model.text().nullable(),
  })
  .indexes([
    { on: ["is_default"] },
    { on: ["cloud_phone_number_id"], unique: true, where: "cloud_phone_number_id IS NOT NULL AND deleted_at IS NULL" },
  ]);
