import { z } from "zod";

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
export const restoreResultSchema = z.object({ entity: archivedEntitySchema, id: z.string(), restored: tableCountsSchema });
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

export const anonymiseResultSchema = z.object({ data_request_id: z.string(), customer_id: z.string(), changed: tableCountsSchema });
export type AnonymiseResult = z.infer<typeof anonymiseResultSchema>;

/** The PDPA export path (JSON or PDF) for streaming through the console. */
export const customerDataExportPath = (customerId: string, format: "json" | "pdf") =>
  `/admin/data-requests/customers/${encodeURIComponent(customerId)}/data-export?format=${format}`;
