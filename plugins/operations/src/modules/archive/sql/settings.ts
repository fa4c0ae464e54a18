import { generateEntityId } from "@medusajs/framework/utils";
import { rows, type Sql } from "@voltura/medusa-kit";
import { ARCHIVE_SETTINGS_DEFAULTS, type ArchiveSettings } from "../../../domain/archive-rules";

export async function readArchiveSettings(db: Sql): Promise<ArchiveSettings & { updated_at: string | null; updated_by: string | null }> {
  const [row] = await rows(db, `SELECT archive_after_months, tax_retention_years, batch_size, updated_by, updated_at FROM archive_settings WHERE id = 'shop'`);
  if (!row) return { ...ARCHIVE_SETTINGS_DEFAULTS, updated_at: null, updated_by: null };
  return {
    archive_after_months: Number(row.archive_after_months),
    tax_retention_years: Number(row.tax_retention_years),
    batch_size: Number(row.batch_size),
    updated_by: (row.updated_by as string | null) ?? null,
    updated_at: row.updated_at ? new Date(String(row.updated_at)).toISOString() : null,
  };
}

export async function writeArchiveSettings(db: Sql, settings: ArchiveSettings, by: string | null): Promise<void> {
  await db.raw(
    `INSERT INTO archive_settings (id, archive_after_months, tax_retention_years, batch_size, updated_by, updated_at) VALUES ('shop', ?, ?, ?, ?, now())
     ON CONFLICT (id) DO UPDATE SET archive_after_months = EXCLUDED.archive_after_months, tax_retention_years = EXCLUDED.tax_retention_years,
       batch_size = EXCLUDED.batch_size, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [settings.archive_after_months, settings.tax_retention_years, settings.batch_size, by]);
}

export const newRunId = () => generateEntityId(undefined, "arun");
