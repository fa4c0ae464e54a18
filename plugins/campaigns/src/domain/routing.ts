/**
 * Campaign routing between chat numbers (Baileys, or the simulator standing in for it) and a Cloud API number.
 *
 * - `fixed`: every eligible recipient round-robin over `session_ids`; a Cloud API number among them sends the
 *   campaign's approved template (route `template`), the others free text (route `chat`).
 * - `auto`: a warm contact (their 24 h customer-service window is open, or a chat with them in the last
 *   `recent_chat_days`) goes to the chat numbers round-robin; a cold one to the Cloud API number with the template.
 *   With no template a cold contact is skipped (`no_template_route`): a blast from a chat number to a cold contact
 *   is what gets numbers banned, so it is never the fallback.
 *
 * The launch applies these rules in SQL (domain/freeze-sql.ts); the functions here state them and check a campaign.
 */

export const SERVICE_WINDOW_MS = 24 * 3_600_000;
export const DAY_MS = 86_400_000;

export type CampaignRouting = "fixed" | "auto";
export type RecipientRoute = "chat" | "template";
export type RoutingSkipReason = "no_template_route";

export interface RoutingSession {
  id: string;
  kind: string;
}

export interface CloudTemplateRef {
  session_id: string;
  name: string;
  language: string;
  params: string[];
}

export interface RoutingCampaign {
  routing: CampaignRouting;
  session_ids: readonly string[];
  cloud_template: CloudTemplateRef | null;
}

/** The senders of a run: chat numbers dealt round-robin, and the number that sends the template (if any). */
export interface RoutingPlan {
  routing: CampaignRouting;
  chatSessionIds: string[];
  templateSessionId: string | null;
}

export type RoutingCheck = { ok: true; plan: RoutingPlan } | { ok: false; field: string; message: string };

const isCloud = (s: RoutingSession | undefined) => s?.kind === "cloud_api";

/**
 * The plan for a launch, or what is wrong (the field to name in a 400). `sessions` are the campaign's
 * numbers and its template's number, as found (an unknown id is reported by the caller before this).
 */
export function planRouting(campaign: RoutingCampaign, sessions: readonly RoutingSession[]): RoutingCheck {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const template = campaign.cloud_template;
  if (template && !isCloud(byId.get(template.session_id))) {
    return { ok: false, field: "cloud_template.session_id", message: "is not a WhatsApp Cloud API number (templates are sent from a Cloud API number)" };
  }
  if (campaign.routing === "fixed") {
    if (!campaign.session_ids.length) return { ok: false, field: "session_ids", message: "choose at least one WhatsApp number to send from" };
    const cloudWithoutTemplate = campaign.session_ids.find((id) => isCloud(byId.get(id)) && id !== template?.session_id);
    if (cloudWithoutTemplate) {
      return { ok: false, field: "cloud_template", message: `the Cloud API number ${cloudWithoutTemplate} sends only an approved template: choose one for it` };
    }
    const templateSessionId = template && campaign.session_ids.includes(template.session_id) ? template.session_id : null;
    return { ok: true, plan: { routing: "fixed", chatSessionIds: [...campaign.session_ids], templateSessionId } };
  }
  const chatSessionIds = campaign.session_ids.filter((id) => !isCloud(byId.get(id)));
  if (!chatSessionIds.length && !template) {
    return { ok: false, field: "session_ids", message: "auto routing needs a chat number for warm contacts or a Cloud API template for cold ones" };
  }
  return { ok: true, plan: { routing: "auto", chatSessionIds, templateSessionId: template?.session_id ?? null } };
}

/** Warm: the customer wrote within 24 h (the window is open) or there was a chat with them in the last `recentChatDays`. */
export function isWarmContact(input: { lastInboundAt: Date | null; lastChatAt: Date | null; recentChatDays: number; now: Date }): boolean {
  const now = input.now.getTime();
  if (input.lastInboundAt && now - input.lastInboundAt.getTime() < SERVICE_WINDOW_MS) return true;
  return Boolean(input.lastChatAt && now - input.lastChatAt.getTime() < input.recentChatDays * DAY_MS);
}

/**
 * The lane of one eligible recipient under auto routing: chat when warm and a chat number exists, else the
 * template when the campaign has one, else skipped. (Under fixed routing the round-robin decides, see planRouting.)
 */
export function autoRoute(plan: Pick<RoutingPlan, "chatSessionIds" | "templateSessionId">, warm: boolean): { route: RecipientRoute } | { skip: RoutingSkipReason } {
  if (warm && plan.chatSessionIds.length) return { route: "chat" };
  if (plan.templateSessionId) return { route: "template" };
  return { skip: "no_template_route" };
}

/** The route of a recipient given the number it was dealt: the template's number sends the template. */
export function routeOfSession(sessionId: string, plan: Pick<RoutingPlan, "templateSessionId">): RecipientRoute {
  return sessionId === plan.templateSessionId ? "template" : "chat";
}

/** Every number a campaign may send from: its session_ids and its template's Cloud API number (their pacers run it). */
export function campaignSenderIds(campaign: { session_ids?: readonly string[] | null; cloud_template?: { session_id: string } | null }): string[] {
  const ids = [...(campaign.session_ids ?? [])];
  const cloud = campaign.cloud_template?.session_id;
  if (cloud && !ids.includes(cloud)) ids.push(cloud);
  return ids;
}
