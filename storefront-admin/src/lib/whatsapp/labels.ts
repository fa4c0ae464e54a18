import type { WhatsAppMessage, WhatsAppSession } from "@voltura/medusa-client";

export const SESSION_STATE_LABELS: Record<WhatsAppSession["state"], string> = {
  new: "Starting",
  pairing: "Waiting for QR scan",
  connecting: "Connecting",
  open: "Connected",
  closed: "Reconnecting",
  needs_pairing: "Needs pairing",
  stopped: "Stopped",
};

export const MESSAGE_STATUS_LABELS: Record<WhatsAppMessage["status"], string> = {
  pending: "Pending",
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
  failed: "Failed",
};

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
