import { type AuditEventBody } from "@voltura/domain";
import { type CommerceClient } from "./client.js";
import {
  auditPageSchema,
  type AuditPage,
  auditEventAnswerSchema,
  type AuditQuery,
  auditQueryString,
  auditChainReportSchema,
  type AuditChainAnswer,
  auditArchiveRunSchema,
  type AuditArchiveRun,
  auditSettingsSchema,
  type AuditSettings,
} from "@voltura/contracts";

/** The audit trail (plugins/platform `audit`) over a CommerceClient. */
export class AuditApi {
  constructor(private readonly client: CommerceClient) {}

  /** Newest first; owners and managers. */
  list(query: AuditQuery = {}): Promise<AuditPage> {
    return this.client.request("GET", `/admin/audit${auditQueryString(query)}`, auditPageSchema);
  }

  /**
   * Reports an event commerce cannot see: `export.*` as the signed-in staff member (actor from
   * the token), or `auth.*` as the console's system actor with the person and address.
   */
  recordEvent(body: AuditEventBody) {
    return this.client.request("POST", "/admin/audit/events", auditEventAnswerSchema, body);
  }
}

export function getAuditChain(client: CommerceClient): Promise<AuditChainAnswer> {
  return client.request("GET", "/admin/audit/chain", auditChainReportSchema);
}

/** Idempotent: a second run the same day moves nothing. */
export function runAuditArchive(client: CommerceClient): Promise<AuditArchiveRun> {
  return client.request("POST", "/admin/audit/archive-runs", auditArchiveRunSchema, {});
}

export async function getAuditSettings(client: CommerceClient): Promise<AuditSettings> {
  return (await client.request("GET", "/admin/audit/settings", auditSettingsSchema)).settings;
}

export async function updateAuditSettings(client: CommerceClient, body: { audit_hot_years: number }): Promise<AuditSettings> {
  return (await client.request("PUT", "/admin/audit/settings", auditSettingsSchema, body)).settings;
}
