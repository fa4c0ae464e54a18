import path from "node:path";

const MAX_IDENTIFIER_BYTES = 63;

/** The run id's last 8 letters and digits, lower case: short enough for database names, unique per run in practice. */
export function shortRunId(runId: string): string {
  const cleaned = runId.replace(/^rr_/, "").toLowerCase().replace(/[^a-z0-9]/g, "");
  if (cleaned.length === 0) throw new Error(`restore run id "${runId}" has no letters or digits`);
  return cleaned.slice(-8);
}

export function databaseNameOf(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ""));
  if (!name) throw new Error("the database URL names no database");
  return name;
}

export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

function checked(name: string): string {
  if (Buffer.byteLength(name) > MAX_IDENTIFIER_BYTES) throw new Error(`database name "${name}" is longer than PostgreSQL's 63 bytes`);
  return name;
}

const day = (at: Date): string => at.toISOString().slice(0, 10).replaceAll("-", "");

export interface RestoreNames {
  live: string;
  /** Where the backup is restored: `<live>_r<short>` (restore) or `<live>_copy_<yyyymmdd>_<short>` (copy). */
  target: string;
  /** Restore only: the old live database after the swap. */
  previous: string;
  /** The backup's uploads, beside the live uploads folder. */
  stagedUploads: string;
  /** Restore only: the live uploads after the swap. */
  previousUploads: string;
  /** Scratch folder for the opened backup (beside the backups). */
  workDir: string;
}

export function restoreNames(input: { live: string; runId: string; mode: "restore" | "copy"; startedAt: Date; uploadsDir: string; backupDir: string }): RestoreNames {
  const short = shortRunId(input.runId);
  const uploads = path.resolve(input.uploadsDir);
  const copySuffix = `copy_${day(input.startedAt)}_${short}`;
  return {
    live: input.live,
    target: checked(input.mode === "copy" ? `${input.live}_${copySuffix}` : `${input.live}_r${short}`),
    previous: checked(`${input.live}_pre_${short}`),
    stagedUploads: input.mode === "copy" ? `${uploads}.${copySuffix}` : `${uploads}.r${short}`,
    previousUploads: `${uploads}.pre_${short}`,
    workDir: path.join(path.resolve(input.backupDir), `.restore-${short}`),
  };
}

/** A PostgreSQL identifier, quoted. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
