import { z } from "zod";
import { type CommerceClient } from "./client.js";
import { querySuffix as qs } from "./query-string.js";
import {
  type DispatchNextBody,
  dispatchDecisionSchema,
  type DispatchDecision,
  type DispatchSentBody,
  type DispatchFailedBody,
  dispatchRecipientAnswerSchema,
  type DispatchRecipientAnswer,
  type DispatchProgressBody,
  dispatchProgressSchema,
  type DispatchProgress,
  type EmergencyStopBody,
  emergencyStopStateSchema,
  type EmergencyStopState,
  campaignSenderSchema,
  type CampaignSender,
  type UpdateCampaignSenderBody,
  type PauseCampaignSenderBody,
  campaignDispatchSettingsSchema,
  type CampaignDispatchSettings,
  type UpdateCampaignDispatchSettingsBody,
  campaignAnalyticsSchema,
  type CampaignAnalytics,
  type ListCampaignRecipientsQuery,
  campaignRecipientListSchema,
  type CampaignRecipientList,
} from "@voltura/contracts";

// ---- typed calls ----

/** The gate: may this sender send now, and to whom. Claims the recipient (status sending) when the answer is send. */
export function dispatchNext(client: CommerceClient, body: DispatchNextBody): Promise<DispatchDecision> {
  return client.request("POST", "/admin/campaigns/dispatch/next", dispatchDecisionSchema, body);
}

/** Records a send the gateway accepted (idempotent). */
export function dispatchSent(client: CommerceClient, body: DispatchSentBody): Promise<DispatchRecipientAnswer> {
  return client.request("POST", "/admin/campaigns/dispatch/sent", dispatchRecipientAnswerSchema, body);
}

/** Records a final send failure (idempotent). */
export function dispatchFailed(client: CommerceClient, body: DispatchFailedBody): Promise<DispatchRecipientAnswer> {
  return client.request("POST", "/admin/campaigns/dispatch/failed", dispatchRecipientAnswerSchema, body);
}

/** What is left of a run; completes the run when nothing is left. */
export function dispatchProgress(client: CommerceClient, body: DispatchProgressBody): Promise<DispatchProgress> {
  return client.request("POST", "/admin/campaigns/dispatch/progress", dispatchProgressSchema, body);
}

export async function getEmergencyStop(client: CommerceClient): Promise<EmergencyStopState> {
  return (await client.request("GET", "/admin/campaigns/emergency-stop", z.object({ emergency_stop: emergencyStopStateSchema }))).emergency_stop;
}

export async function pressEmergencyStop(client: CommerceClient, body: EmergencyStopBody = {}): Promise<EmergencyStopState> {
  return (await client.request("POST", "/admin/campaigns/emergency-stop", z.object({ emergency_stop: emergencyStopStateSchema }), body)).emergency_stop;
}

export async function releaseEmergencyStop(client: CommerceClient): Promise<EmergencyStopState> {
  return (await client.request("POST", "/admin/campaigns/emergency-resume", z.object({ emergency_stop: emergencyStopStateSchema }), {})).emergency_stop;
}

export async function listCampaignSenders(client: CommerceClient): Promise<CampaignSender[]> {
  return (await client.request("GET", "/admin/campaigns/senders", z.object({ senders: z.array(campaignSenderSchema) }))).senders;
}

export async function updateCampaignSender(client: CommerceClient, sessionId: string, body: UpdateCampaignSenderBody): Promise<CampaignSender> {
  const path = `/admin/campaigns/senders/${encodeURIComponent(sessionId)}`;
  return (await client.request("PATCH", path, z.object({ sender: campaignSenderSchema }), body)).sender;
}

export async function pauseCampaignSender(client: CommerceClient, sessionId: string, body: PauseCampaignSenderBody = {}): Promise<CampaignSender> {
  const path = `/admin/campaigns/senders/${encodeURIComponent(sessionId)}/pause`;
  return (await client.request("POST", path, z.object({ sender: campaignSenderSchema }), body)).sender;
}

export async function resumeCampaignSender(client: CommerceClient, sessionId: string): Promise<CampaignSender> {
  const path = `/admin/campaigns/senders/${encodeURIComponent(sessionId)}/resume`;
  return (await client.request("POST", path, z.object({ sender: campaignSenderSchema }), {})).sender;
}

export async function getCampaignDispatchSettings(client: CommerceClient): Promise<CampaignDispatchSettings> {
  return (await client.request("GET", "/admin/campaigns/dispatch/settings", z.object({ settings: campaignDispatchSettingsSchema }))).settings;
}

export async function updateCampaignDispatchSettings(client: CommerceClient, body: UpdateCampaignDispatchSettingsBody): Promise<CampaignDispatchSettings> {
  return (await client.request("POST", "/admin/campaigns/dispatch/settings", z.object({ settings: campaignDispatchSettingsSchema }), body)).settings;
}

export async function getCampaignAnalytics(client: CommerceClient, campaignId: string): Promise<CampaignAnalytics> {
  const path = `/admin/campaigns/${encodeURIComponent(campaignId)}/analytics`;
  return (await client.request("GET", path, z.object({ analytics: campaignAnalyticsSchema }))).analytics;
}

export function listCampaignRecipients(client: CommerceClient, campaignId: string, query: ListCampaignRecipientsQuery = {}): Promise<CampaignRecipientList> {
  return client.request("GET", `/admin/campaigns/${encodeURIComponent(campaignId)}/recipients${qs(query)}`, campaignRecipientListSchema);
}
