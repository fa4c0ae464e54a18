import { z } from "zod";

/** Malaysian tax law: invoices, receipts and e-invoice documents are kept at least 7 years. */
export const MIN_TAX_RETENTION_YEARS = 7;

export const ARCHIVE_SETTINGS_DEFAULTS = { archive_after_months: 24, tax_retention_years: 7, batch_size: 500 } as const;

export const archiveSettingsSchema = z.object({
  archive_after_months: z.number({ error: "archive_after_months must be a whole number of months" }).int("archive_after_months must be a whole number of months")
    .min(6, "archive_after_months must be at least 6").max(240, "archive_after_months must be at most 240"),
  tax_retention_years: z.number({ error: "tax_retention_years must be a whole number of years" }).int("tax_retention_years must be a whole number of years")
    .min(MIN_TAX_RETENTION_YEARS, `tax_retention_years must be at least ${MIN_TAX_RETENTION_YEARS} (tax records are kept 7 years by law)`)
    .max(50, "tax_retention_years must be at most 50"),
  batch_size: z.number({ error: "batch_size must be a whole number" }).int("batch_size must be a whole number").min(10, "batch_size must be at least 10").max(5000, "batch_size must be at most 5000"),
});
export type ArchiveSettings = z.infer<typeof archiveSettingsSchema>;
export const archiveSettingsPatchSchema = archiveSettingsSchema.partial().strict();

/** Rows last touched before this instant are old enough to move (calendar months back, in UTC). */
export function archiveCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now.getTime());
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff;
}

/** Tax records issued on or after this instant may never be purged. */
export function taxRetentionCutoff(now: Date, years: number): Date {
  return archiveCutoff(now, Math.max(years, MIN_TAX_RETENTION_YEARS) * 12);
}

/** A purge may remove a tax record only once it is older than the retention period (never below 7 years). */
export function taxRecordPurgeable(issuedAt: Date, now: Date, years: number): boolean {
  return issuedAt.getTime() < taxRetentionCutoff(now, years).getTime();
}

export interface ArchiveSearchTerms {
  /** Lower case, trimmed, for names, job numbers, IMEIs and receipt numbers. */
  text: string;
  /** The phone-like digits of the query (leading 60 / 0 dropped) when it has 3 or more; else null. */
  digits: string | null;
}

/** Normalises a search box entry; null when it is too short to use the trigram indexes (< 3 characters). */
export function archiveSearchTerms(q: string): ArchiveSearchTerms | null {
  const text = q.trim().toLowerCase().replace(/\s+/g, " ");
  if (text.length < 3) return null;
  let digits: string | null = null;
  if (/^[\d\s+()-]+$/.test(text)) {
    const all = text.replace(/\D/g, "");
    const local = all.startsWith("60") ? all.slice(2) : all.startsWith("0") ? all.slice(1) : all;
    digits = local.length >= 3 ? local : null;
  }
  return { text, digits };
}

/** A LIKE pattern matching `term` anywhere, with the caller's % and _ taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const ANONYMISE_CONFIRMATION = "ANONYMISE";
export const ANONYMISED_NAME = "Anonymised customer";
export const REMOVED_TEXT = "[removed]";

/** A phone stand-in unique per request, so unique phone columns stay unique and chats stay apart. */
export function anonymisedPhone(requestId: string): string {
  return `anonymised:${requestId}`;
}

/** Counts per table, added up (runs and batches both report them). */
export function addCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const [table, n] of Object.entries(b)) out[table] = (out[table] ?? 0) + n;
  return out;
}
