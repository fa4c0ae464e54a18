import { m } from "$lib/paraglide/messages.js";

/** Why a number's connection closed (the transport's close reasons), in the reader's language. */
const REASONS: Record<string, () => string> = {
  restartRequired: m.whatsapp_disconnect_restart_required,
  connectionLost: m.whatsapp_disconnect_connection_lost,
  timedOut: m.whatsapp_disconnect_timed_out,
  connectionClosed: m.whatsapp_disconnect_connection_closed,
  unavailableService: m.whatsapp_disconnect_unavailable_service,
  connectionReplaced: m.whatsapp_disconnect_connection_replaced,
  loggedOut: m.whatsapp_disconnect_logged_out,
  badSession: m.whatsapp_disconnect_bad_session,
  multideviceMismatch: m.whatsapp_disconnect_multidevice_mismatch,
  forbidden: m.whatsapp_disconnect_forbidden,
  accessTokenRejected: m.whatsapp_disconnect_access_token_rejected,
  phoneNumberNotFound: m.whatsapp_disconnect_phone_number_not_found,
  requested: m.whatsapp_disconnect_requested,
  unknown: m.whatsapp_disconnect_unknown,
};

/** A session's `last_disconnect_reason` for the page: translated when known, else as stored. */
export function disconnectReasonText(reason: string): string {
  return Object.hasOwn(REASONS, reason) ? REASONS[reason]!() : reason;
}
