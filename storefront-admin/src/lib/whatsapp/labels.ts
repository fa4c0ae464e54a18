import type { WhatsAppMessage, WhatsAppSession } from "@voltura/contracts";
import { labelsByCode } from "$lib/i18n/labels-by-code";
import { m } from "$lib/paraglide/messages.js";

export const SESSION_STATE_LABELS = labelsByCode<WhatsAppSession["state"]>({
  new: m.whatsapp_session_new,
  pairing: m.whatsapp_session_pairing,
  connecting: m.whatsapp_session_connecting,
  open: m.whatsapp_session_open,
  closed: m.whatsapp_session_closed,
  needs_pairing: m.whatsapp_session_needs_pairing,
  stopped: m.whatsapp_session_stopped,
});

export const MESSAGE_STATUS_LABELS = labelsByCode<WhatsAppMessage["status"]>({
  pending: m.whatsapp_status_pending,
  sent: m.whatsapp_status_sent,
  delivered: m.whatsapp_status_delivered,
  read: m.whatsapp_status_read,
  failed: m.whatsapp_status_failed,
});

/** WhatsApp-style ticks: one for sent, two for delivered, two (blue) for read. */
export const STATUS_TICKS: Record<WhatsAppMessage["status"], string> = {
  pending: "🕓",
  sent: "✓",
  delivered: "✓✓",
  read: "✓✓",
  failed: "!",
};

/** A session needs a person when it stopped by itself or lost its pairing. */
export function sessionNeedsAttention(session: Pick<WhatsAppSession, "state">): boolean {
  return session.state === "stopped" || session.state === "needs_pairing";
}

/** Pages poll while something is about to change (a QR waiting, a connection coming up). */
export function sessionsSettling(sessions: Array<Pick<WhatsAppSession, "state" | "enabled">>): boolean {
  return sessions.some((s) => s.enabled && (s.state === "new" || s.state === "pairing" || s.state === "connecting" || s.state === "closed"));
}
