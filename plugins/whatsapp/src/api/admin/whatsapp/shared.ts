import type { MedusaResponse } from "@medusajs/framework/http";
import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError, Modules } from "@medusajs/framework/utils";
import { InvalidPhoneError, normalisePhone, roleAllowed, type AnyRole } from "@voltura/domain";
import type { WhatsAppMessage, WhatsAppSession } from "@voltura/contracts";
import { apiLimits, type SendFailureMark, type SessionLimits } from "../../../domain/session-signals";
import { simulatorEnabled } from "../../../modules/whatsapp/gateway/settings";
import type { MessageRow } from "../../../modules/whatsapp/rows";
import { whatsappService } from "../../../workflows/steps/service";

export const SENDERS: readonly AnyRole[] = ["system", "integration", "owner", "manager", "technician", "cashier"];
export const SESSION_ADMINS: readonly AnyRole[] = ["owner", "manager"];
export const SESSION_READERS: readonly AnyRole[] = ["system", "integration", "owner", "manager", "technician", "cashier"];
/** Who may see a session's live pairing QR: whoever scans it links the shop's number to their phone. */
export const PAIRING_ROLES: readonly AnyRole[] = ["owner", "manager"];
/** The simulator is for demos and training: owners and managers speak as a customer there. */
export const SIMULATOR_USERS: readonly AnyRole[] = ["owner", "manager"];

/** 404 for every simulator route while WHATSAPP_SIMULATOR=off. */
export function requireSimulatorOn(): void {
  if (!simulatorEnabled()) throw new MedusaError(MedusaError.Types.NOT_FOUND, "The WhatsApp simulator is switched off (WHATSAPP_SIMULATOR=off)");
}

const iso = (v: Date | string | null | undefined): string | null => (v ? new Date(v).toISOString() : null);

/** E.164, or 400 naming the field. */
export function phoneOr400(phone: string, field: string): string {
  try {
    return normalisePhone(phone);
  } catch (err) {
    if (err instanceof InvalidPhoneError) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${field}: ${err.message}`);
    throw err;
  }
}

export function toApiMessage(row: MessageRow, customerNames: Map<string, string> = new Map()): WhatsAppMessage {
  return {
    id: row.id,
    session_id: row.session_id,
    direction: row.direction,
    phone: row.phone,
    customer_id: row.customer_id,
    customer_name: row.customer_id ? (customerNames.get(row.customer_id) ?? null) : null,
    body: row.body,
    media: (row.media as Record<string, unknown> | null) ?? null,
    wa_message_id: row.wa_message_id,
    status: row.status,
    error: row.error,
    context_kind: row.context_kind,
    context_ref: row.context_ref,
    sender_name: row.sender_name,
    simulated: Boolean(row.simulated),
    created_at: iso(row.created_at)!,
    status_changed_at: iso(row.status_changed_at),
  };
}

/** Display names of the customers behind these messages. */
export async function customerNamesOf(scope: MedusaContainer, rows: MessageRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.customer_id).filter((id): id is string => Boolean(id)))];
  if (!ids.length) return new Map();
  const customers = await scope.resolve(Modules.CUSTOMER).listCustomers({ id: ids }, { take: ids.length });
  return new Map(customers.map((c) => [c.id, [c.first_name, c.last_name].filter(Boolean).join(" ") || c.phone || c.id]));
}

interface SessionEntity {
  id: string;
  name: string;
  kind: "baileys" | "simulator" | "cloud_api";
  phone: string | null;
  state: WhatsAppSession["state"];
  is_default: boolean;
  enabled: boolean;
  qr: string | null;
  paired_at: Date | string | null;
  last_seen_at: Date | string | null;
  reconnect_count: number;
  last_disconnect_reason: string | null;
  alerts: unknown;
  owner: string | null;
  limits?: unknown;
  send_failures?: unknown;
  cloud_phone_number_id?: string | null;
  cloud_waba_id?: string | null;
  cloud_secrets?: string | null;
  created_at: Date | string;
}

/** The console path Meta's webhooks reach the shop on (the console forwards them to commerce). */
export const CLOUD_WEBHOOK_PATH = "/webhooks/whatsapp/cloud";

/** A Cloud API session's config as answered: ids in clear, the secrets only as set or not (one sealed value holds all three). */
export function cloudInfoOf(s: SessionEntity): WhatsAppSession["cloud"] {
  if (s.kind !== "cloud_api") return null;
  const set = Boolean(s.cloud_secrets);
  return {
    phone_number_id: s.cloud_phone_number_id ?? null,
    waba_id: s.cloud_waba_id ?? null,
    access_token_set: set,
    app_secret_set: set,
    verify_token_set: set,
    webhook_path: CLOUD_WEBHOOK_PATH,
  };
}

/**
 * The session as `role` may see it: the pairing QR only for owners and managers. `uniqueUsers24h`
 * (templates/session-usage.ts) fills `limits.unique_users_24h`.
 */
export function toApiSession(s: SessionEntity, role: string, uniqueUsers24h: number | null = null): WhatsAppSession {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    phone: s.phone,
    state: s.state,
    is_default: s.is_default,
    enabled: s.enabled,
    qr: roleAllowed(role, PAIRING_ROLES) ? s.qr : null,
    paired_at: iso(s.paired_at),
    last_seen_at: iso(s.last_seen_at),
    reconnect_count: s.reconnect_count,
    last_disconnect_reason: s.last_disconnect_reason,
    alerts: (s.alerts as WhatsAppSession["alerts"] | null) ?? [],
    owner: s.owner,
    limits: apiLimits(s.limits as SessionLimits | null, s.send_failures as SendFailureMark[] | null, new Date(), uniqueUsers24h),
    cloud: cloudInfoOf(s),
    created_at: iso(s.created_at)!,
  };
}

/** The session a message goes through: the one asked for, else the default, else the oldest open one. */
export async function pickSession(scope: MedusaContainer, sessionId: string | undefined, kind?: "simulator"): Promise<SessionEntity> {
  const service = whatsappService(scope);
  if (sessionId) {
    const [found] = await service.listWhatsAppSessions({ id: sessionId }, { take: 1 });
    if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp session ${sessionId} was not found`);
    if (kind && found.kind !== kind) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: session_id: ${sessionId} is not a ${kind} session`);
    return found as SessionEntity;
  }
  const listed = (await service.listWhatsAppSessions(kind ? { kind } : {}, { order: { created_at: "ASC" } })) as SessionEntity[];
  // With the simulator off, a default simulator session must not swallow real messages.
  const sessions = simulatorEnabled() ? listed : listed.filter((s) => s.kind !== "simulator");
  const chosen = sessions.find((s) => s.is_default && s.enabled) ?? sessions.find((s) => s.enabled && s.state === "open") ?? sessions.find((s) => s.enabled);
  if (!chosen) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, kind ? "No simulator session: add one on the WhatsApp sessions page" : "No WhatsApp session: add one on the WhatsApp sessions page");
  }
  return chosen;
}

/** 503 for a session nobody can send on right now: the caller (a Temporal activity) retries later. */
export function answerSessionUnavailable(res: MedusaResponse, message: string): void {
  res.status(503).json({ type: "session_unavailable", code: "session_unavailable", message });
}
