import { fillTemplateBody, whatsappTemplateRefusalSchema, type WhatsAppMessage } from "@voltura/contracts";
import { CommerceError, listWhatsAppSessions, listWhatsAppTemplates, type CommerceClient } from "@voltura/medusa-client";
import { lastInboundAt, sendableTemplates, sendingSession, serviceWindow } from "$lib/whatsapp/cloud";

/** A template the chat may send (approved, on the number the chat sends through). */
export interface ChatTemplate {
  name: string;
  language: string;
  body_text: string | null;
  param_count: number;
}

/**
 * The chat's Cloud API state: when the number the chat sends through is a Cloud API number, whether the
 * customer's 24 h window is open (from the last message they wrote to it) and the approved templates offered
 * when it is closed. Null for a linked phone or the simulator (no window there).
 */
export interface ChatCloudState {
  session_id: string;
  session_name: string;
  window_open: boolean;
  window_until: string | null;
  templates: ChatTemplate[];
  templates_problem: boolean;
}

export async function chatCloudState(commerce: CommerceClient, messages: readonly WhatsAppMessage[], now = new Date()): Promise<ChatCloudState | null> {
  const session = sendingSession(await listWhatsAppSessions(commerce));
  if (!session || session.kind !== "cloud_api") return null;
  const window = serviceWindow(lastInboundAt(messages, session.id), now);
  let templates: ChatTemplate[] = [];
  let problem = false;
  try {
    templates = sendableTemplates(await listWhatsAppTemplates(commerce, session.id)).map((t) => ({ name: t.name, language: t.language, body_text: t.body_text, param_count: t.param_count }));
  } catch {
    problem = true;
  }
  return { session_id: session.id, session_name: session.name, window_open: window.open, window_until: window.until, templates, templates_problem: problem };
}

/** The template the staff member chose, with its text filled for the chat log; null when it is not offered. */
export function chosenTemplate(state: ChatCloudState | null, key: string, params: readonly string[]): { name: string; language: string; params: string[]; body: string } | null {
  const [name, language] = key.split("|");
  const template = state?.templates.find((t) => t.name === name && t.language === language);
  if (!template) return null;
  const filled = params.slice(0, template.param_count);
  return { name: template.name, language: template.language, params: filled, body: fillTemplateBody(template.body_text ?? template.name, filled) };
}

/** Commerce's 422 when WhatsApp allows only a template now (its message is shown as it comes). */
export function windowRefusal(err: unknown): { type: string; message: string } | null {
  if (!(err instanceof CommerceError) || err.status !== 422) return null;
  const parsed = whatsappTemplateRefusalSchema.safeParse(err.body);
  return parsed.success ? { type: parsed.data.type, message: parsed.data.message } : null;
}
