import { MANAGERS } from "@voltura/domain";
import { parseOrThrow, recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { archiveSettingsPatchSchema, archiveSettingsSchema } from "../../../../domain/archive-rules";
import { readArchiveSettings, writeArchiveSettings } from "../../../../modules/archive/sql/settings";

/** Archive after (months), tax retention (years, never below 7) and batch size. */
export const GET = staffRoute([...MANAGERS, "system"], async (req, res) => {
  res.json({ settings: await readArchiveSettings(sqlConnection(req.scope)) });
});

/** A partial update; a tax retention below 7 years is refused with 400 naming `tax_retention_years`. */
export const PUT = staffRoute(["owner"], async (req, res) => {
  const patch = parseOrThrow(archiveSettingsPatchSchema, req.body ?? {});
  const db = sqlConnection(req.scope);
  const before = await readArchiveSettings(db);
  const next = parseOrThrow(archiveSettingsSchema, {
    archive_after_months: patch.archive_after_months ?? before.archive_after_months,
    tax_retention_years: patch.tax_retention_years ?? before.tax_retention_years,
    batch_size: patch.batch_size ?? before.batch_size,
  });
  await writeArchiveSettings(db, next, req.actor.id);
  const changes: Record<string, { before: number; after: number }> = {};
  for (const key of Object.keys(next) as Array<keyof typeof next>) if (before[key] !== next[key]) changes[key] = { before: before[key], after: next[key] };
  await recordAudit(req, { action: "archive.settings_updated", entity: "archive_settings", entity_id: "shop", changes });
  res.json({ settings: await readArchiveSettings(db) });
});
