import { z } from "zod";
import type { CommerceClient } from "./client.js";

/** Counts of rows per table (moved, restored or changed). */
export const tableCountsSchema = z.record(z.string(), z.number().int());
export type TableCounts = z.infer<typeof tableCountsSchema>;

export const archiveRunSchema = z.object({
  id: z.string(),
  idempotency_key: z.string(),
  status: z.enum(["running", "completed", "failed"]),
  /** Rows last touched before this moved. */
  cutoff: z.string(),
  /** The whole run's rows per table. */
  counts: tableCountsSchema,
  batches: z.number().int(),
  requested_by: z.string().nullable(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  error: z.string().nullable(),
});
export type ArchiveRun = z.infer<typeof archiveRunSchema>;

export const archiveRunResultSchema = z.object({
  run: archiveRunSchema,
  /** false: call again with the same key to carry on. */
  done: z.boolean(),
  replayed: z.boolean(),
  /** This call's rows per table. */
  moved: tableCountsSchema,
});
export type ArchiveRunResult = z.infer<typeof archiveRunResultSchema>;

export const archiveSettingsSchema = z.object({
  archive_after_months: z.number().int(),
  /** Never below 7 (Malaysian tax records). */
  tax_retention_years: z.number().int(),
  batch_size: z.number().int(),
  updated_at: z.string().nullable(),
  updated_by: z.string().nullable(),
});
export type ArchiveSettingsView = z.infer<typeof archiveSettingsSchema>;
export type ArchiveSettingsPatch = Partial<Pick<ArchiveSettingsView, "archive_after_months" | "tax_retention_years" | "batch_size">>;

export const archivedEntitySchema = z.enum(["repair_job", "pos_sale", "conversation"]);
export type ArchivedEntity = z.infer<typeof archivedEntitySchema>;

export const archiveHitSchema = z.object({
  entity: archivedEntitySchema,
  /** Job or sale id; a conversation's phone. */
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  archived_at: z.string(),
});
export type ArchiveHit = z.infer<typeof archiveHitSchema>;

const archiveSearchSchema = z.object({ q: z.string(), hits: z.array(archiveHitSchema) });
const restoreResultSchema = z.object({ entity: archivedEntitySchema, id: z.string(), restored: tableCountsSchema });
export type ArchiveRestoreResult = z.infer<typeof restoreResultSchema>;

export const dataRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(["export", "anonymise"]),
  customer_id: z.string(),
  format: z.string().nullable(),
  requested_by: z.string().nullable(),
  requested_by_role: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  created_at: z.string(),
});
export type DataRequest = z.infer<typeof dataRequestSchema>;

const exportTableSchema = z.object({ table: z.string(), archived: z.boolean(), rows: z.array(z.record(z.string(), z.unknown())) });
export const customerDataExportSchema = z.object({
  data_request_id: z.string(),
  customer_id: z.string(),
  generated_at: z.string(),
  sections: z.array(z.object({ title: z.string(), tables: z.array(exportTableSchema) })),
  counts: tableCountsSchema,
});
export type CustomerDataExport = z.infer<typeof customerDataExportSchema>;

const anonymiseResultSchema = z.object({ data_request_id: z.string(), customer_id: z.string(), changed: tableCountsSchema });
export type AnonymiseResult = z.infer<typeof anonymiseResultSchema>;

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

/** The PDPA export path (JSON or PDF) for streaming through the console. */
export const customerDataExportPath = (customerId: string, format: "json" | "pdf") =>
  `/admin/data-requests/customers/${encodeURIComponent(customerId)}/data-export?format=${format}`;

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
