import type { WhatsAppSession } from "@voltura/contracts";
import { m } from "$lib/paraglide/messages.js";

/** A WhatsApp number's connection state in words, in the staff member's language. */
export const SESSION_STATE_TEXT: Record<WhatsAppSession["state"], () => string> = {
  new: m.settings_whatsapp_state_new,
  pairing: m.settings_whatsapp_state_pairing,
  connecting: m.settings_whatsapp_state_connecting,
  open: m.settings_whatsapp_state_open,
  closed: m.settings_whatsapp_state_closed,
  needs_pairing: m.settings_whatsapp_state_needs_pairing,
  stopped: m.settings_whatsapp_state_stopped,
};
