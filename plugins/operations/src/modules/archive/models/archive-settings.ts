import { model } from "@medusajs/framework/utils";

/** The one row (`shop`) of archive and retention settings; tax retention is never below 7 years. */
export const ArchiveSettings = model.define("archive_settings", {
  id: model.text().primaryKey(),
  archive_after_months: model.number().default(24),
  tax_retention_years: model.number().default(7),
  batch_size: model.number().default(500),
  updated_by: model.text().nullable(),
});
