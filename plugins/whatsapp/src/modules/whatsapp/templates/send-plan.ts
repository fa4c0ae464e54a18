import type { MedusaContainer } from "@medusajs/framework/types";
import { sqlConnection } from "@voltura/medusa-kit";
import { decideCloudSend, type SendAsked } from "../../../domain/cloud-send-rules";
import { isWindowOpen } from "../../../domain/service-window";
import { templateLogText, type SendRefusal } from "../../../domain/template-rules";
import type { MessageMedia, MessageTemplate } from "../models/whatsapp-message";
import { bindingCandidates, customerLanguage, findTemplate, lastInboundAt } from "./template-sql";

/** What the send request asked for, as parsed. */
export interface SendRequest {
  body: string;
  media: MessageMedia | null;
  template?: { name: string; language: string; params: string[] };
  template_purpose?: string;
  variables?: Record<string, string>;
}

/** What to store: the text the chat log shows, the media, and the template it goes out as. */
export interface PlannedSend {
  body: string;
  media: MessageMedia | null;
  template: MessageTemplate | null;
}

/**
 * The message to store for this session, or the 422 refusal, decided before any row exists:
 * - Cloud API: the 24-hour window and template rules (domain/cloud-send-rules.ts);
 * - simulator: a template stands in as text (nothing to approve);
 * - Baileys: no templates (WhatsApp Web has none).
 */
export async function planSend(
  scope: MedusaContainer,
  session: { id: string; kind: string },
  phone: string,
  request: SendRequest,
  now = new Date(),
): Promise<PlannedSend | { refusal: SendRefusal }> {
  const free: PlannedSend = { body: request.body, media: request.media, template: null };
  if (session.kind === "cloud_api") return planCloudSend(scope, session.id, phone, request, now);
  if (!request.template) return free;
  if (session.kind === "baileys") {
    return { refusal: { type: "template_not_supported", field: "template", message: "template: a WhatsApp Web (Baileys) number cannot send templates; send text instead" } };
  }
  const template = { name: request.template.name, language: request.template.language, bodyParams: request.template.params };
  return { body: templateLogText(request.body, template, null), media: null, template };
}

async function planCloudSend(scope: MedusaContainer, sessionId: string, phone: string, request: SendRequest, now: Date): Promise<PlannedSend | { refusal: SendRefusal }> {
  const db = sqlConnection(scope);
  const asked: SendAsked = {
    hasContent: request.body.trim() !== "" || request.media !== null,
    ...(request.template ? { template: request.template } : {}),
    ...(request.template_purpose ? { template_purpose: request.template_purpose } : {}),
    ...(request.variables ? { variables: request.variables } : {}),
  };
  const lastInbound = await lastInboundAt(db, sessionId, phone);
  // Only what the decision can use is read: the named template, or the purpose's bindings when the window is closed.
  const requestedTemplate = request.template ? await findTemplate(db, sessionId, request.template.name, request.template.language) : null;
  const needsBinding = !request.template && request.template_purpose !== undefined && !(isWindowOpen(lastInbound, now) && asked.hasContent);
  const bindings = needsBinding ? await bindingCandidates(db, sessionId, request.template_purpose!) : [];
  const language = bindings.length > 1 ? await customerLanguage(db, phone) : null;

  const decision = decideCloudSend(asked, { lastInboundAt: lastInbound, now, requestedTemplate, bindings, customerLanguage: language });
  if (decision.kind === "refuse") return { refusal: decision.refusal };
  if (decision.kind === "free") return { body: request.body, media: request.media, template: null };
  return { body: templateLogText(request.body, decision.template, decision.known), media: null, template: decision.template };
}
