import { z } from "zod";
import { type CommerceClient } from "./client.js";
import {
  archiveRunSchema,
  type ArchiveRun,
  archiveRunResultSchema,
  type ArchiveRunResult,
  archiveSettingsSchema,
  type ArchiveSettingsView,
  type ArchiveSettingsPatch,
  type ArchivedEntity,
  archiveHitSchema,
  type ArchiveHit,
  restoreResultSchema,
  type ArchiveRestoreResult,
  dataRequestSchema,
  type DataRequest,
  customerDataExportSchema,
  type CustomerDataExport,
  anonymiseResultSchema,
  type AnonymiseResult,
  customerDataExportPath,
} from "@voltura/contracts";

const archiveSearchSchema = z.object({ q: z.string(), hits: z.array(archiveHitSchema) });

/** The worker (system) or owners: runs the archive; the same key carries an unfinished run on. */
export function startArchiveRun(client: CommerceClient, body: { idempotency_key: string; max_batches?: number }): Promise<ArchiveRunResult> {
  return client.request("POST", "/admin/archive/runs", archiveRunResultSchema, body);
}

/** Owners and managers: run history, newest first. */
export async function listArchiveRuns(client: CommerceClient, limit = 20): Promise<ArchiveRun[]> {
  return (await client.request("GET", `/admin/archive/runs?limit=${limit}`, z.object({ runs: z.array(archiveRunSchema) }))).runs;
}

/** Owners and managers: archived jobs, sales and conversations (job or receipt number, phone, name, IMEI; 3+ characters). */
export async function searchArchive(client: CommerceClient, q: string, limit = 25): Promise<ArchiveHit[]> {
  return (await client.request("GET", `/admin/archive/search?${new URLSearchParams({ q, limit: String(limit) })}`, archiveSearchSchema)).hits;
}

/** Owners and managers: brings an archived record (and its children) back. */
export function restoreArchivedRecord(client: CommerceClient, entity: ArchivedEntity, id: string): Promise<ArchiveRestoreResult> {
  return client.request("POST", "/admin/archive/restore", restoreResultSchema, { entity, id });
}

export async function getArchiveSettings(client: CommerceClient): Promise<ArchiveSettingsView> {
  return (await client.request("GET", "/admin/archive/settings", z.object({ settings: archiveSettingsSchema }))).settings;
}

/** Owners; a tax retention below 7 years is refused (400 naming `tax_retention_years`). */
export async function updateArchiveSettings(client: CommerceClient, patch: ArchiveSettingsPatch): Promise<ArchiveSettingsView> {
  return (await client.request("PUT", "/admin/archive/settings", z.object({ settings: archiveSettingsSchema }), patch)).settings;
}

/** Owners and managers: everything held about one customer, as JSON (recorded and audited). */
export function exportCustomerData(client: CommerceClient, customerId: string): Promise<CustomerDataExport> {
  return client.request("GET", customerDataExportPath(customerId, "json"), customerDataExportSchema);
}

/** Owners, with the typed confirmation `ANONYMISE`. */
export function anonymiseCustomer(client: CommerceClient, customerId: string, confirmation: string): Promise<AnonymiseResult> {
  return client.request("POST", `/admin/data-requests/customers/${encodeURIComponent(customerId)}/anonymise`, anonymiseResultSchema, { confirmation });
}

/** Owners and managers: PDPA requests, newest first. */
export async function listDataRequests(client: CommerceClient, query: { customer_id?: string; limit?: number } = {}): Promise<DataRequest[]> {
  const params = new URLSearchParams();
  if (query.customer_id) params.set("customer_id", query.customer_id);
  if (query.limit) params.set("limit", String(query.limit));
  return (await client.request("GET", `/admin/data-requests?${params}`, z.object({ requests: z.array(dataRequestSchema) }))).requests;
}
