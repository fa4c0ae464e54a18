import type { DbOpsConfig } from "./config.js";
import type { BackupRecord } from "./manifest.js";
import { deleteExternalBackup, deleteLocalBackup, listBackups } from "./storage.js";

export interface RetentionPolicy { dailyDays: number; externalWeeks: number }
export const DEFAULT_RETENTION: RetentionPolicy = { dailyDays: 30, externalWeeks: 12 };

const DAY_MS = 24 * 60 * 60 * 1000;
/** A backup taken before a restore stays at least this long, whatever the policy, so a restore can be undone. */
export const PRE_RESTORE_KEEP_DAYS = 7;

const newestFirst = (a: BackupRecord, b: BackupRecord) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0);

/**
 * What retention deletes. Local copies older than `dailyDays` go (every kind: daily, weekly, manual, pre_restore);
 * external copies older than `externalWeeks` weeks go. Never deleted: the newest backup (anywhere), the newest
 * copy in each place (so neither place is ever emptied by age alone), a pre_restore backup younger than 7 days.
 * Ages count from `startedAt`; a backup exactly at the limit is kept. Pure.
 */
export function planRetention(backups: BackupRecord[], policy: RetentionPolicy, now: Date): { deleteLocal: string[]; deleteExternal: string[] } {
  if (!(policy.dailyDays >= 1) || !(policy.externalWeeks >= 1)) throw new Error("Retention must keep at least 1 day locally and 1 week externally");
  const sorted = [...backups].sort(newestFirst);
  const protectedIds = new Set<string>();
  const newest = sorted[0];
  if (newest) protectedIds.add(newest.backupId);
  const newestLocal = sorted.find((b) => b.local);
  const newestExternal = sorted.find((b) => b.external);
  const ageMs = (b: BackupRecord) => now.getTime() - Date.parse(b.startedAt);
  for (const b of sorted) if (b.kind === "pre_restore" && ageMs(b) < PRE_RESTORE_KEEP_DAYS * DAY_MS) protectedIds.add(b.backupId);

  const deleteLocal = sorted
    .filter((b) => b.local && b !== newestLocal && !protectedIds.has(b.backupId) && ageMs(b) > policy.dailyDays * DAY_MS)
    .map((b) => b.backupId);
  const deleteExternal = sorted
    .filter((b) => b.external && b !== newestExternal && !protectedIds.has(b.backupId) && ageMs(b) > policy.externalWeeks * 7 * DAY_MS)
    .map((b) => b.backupId);
  return { deleteLocal, deleteExternal };
}

/** Lists storage, plans, deletes exactly the planned copies. */
export async function applyRetention(cfg: DbOpsConfig, policy: RetentionPolicy, now: Date): Promise<{ deletedLocal: string[]; deletedExternal: string[] }> {
  const plan = planRetention(await listBackups(cfg), policy, now);
  for (const id of plan.deleteLocal) await deleteLocalBackup(cfg, id);
  for (const id of plan.deleteExternal) await deleteExternalBackup(cfg, id);
  return { deletedLocal: plan.deleteLocal, deletedExternal: plan.deleteExternal };
}
