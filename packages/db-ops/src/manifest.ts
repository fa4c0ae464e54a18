import { z } from "zod";

export const BACKUP_KINDS = ["daily", "weekly", "manual", "pre_restore"] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
export const BACKUP_FORMAT = "voltura-backup/1";

export interface TableFingerprint { schema: string; table: string; rows: number; checksum: string }
export interface UploadEntry { path: string; bytes: number; sha256: string }

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  backupId: string;
  kind: BackupKind;
  appVersion: string;
  migrations: string[];
  tables: TableFingerprint[];
  uploads: UploadEntry[];
  startedAt: string;
  finishedAt: string;
  keyId: string;
  database: string;
  /** Size and sha256 of `database.dump` inside the file (written by every backup; checked on open). */
  dump?: { bytes: number; sha256: string };
}

/** One backup as storage lists it (and as the catalog records it). */
export interface BackupRecord {
  backupId: string;
  kind: BackupKind;
  startedAt: string;
  finishedAt: string;
  bytes: number;
  sha256: string;
  keyId: string;
  appVersion: string;
  tableCount: number;
  rowCount: number;
  uploadCount: number;
  local: boolean;
  external: boolean;
}

const backupIdPattern = /^bk-(\d{8}T\d{6}Z)-(daily|weekly|manual|pre_restore)$/;
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const backupKindSchema = z.enum(BACKUP_KINDS);
export const backupIdSchema = z.string().regex(backupIdPattern, "backup id must look like bk-20261207T030000Z-daily");

export const backupManifestSchema: z.ZodType<BackupManifest> = z.object({
  format: z.literal(BACKUP_FORMAT),
  backupId: backupIdSchema,
  kind: backupKindSchema,
  appVersion: z.string().min(1),
  migrations: z.array(z.string()),
  tables: z.array(z.object({ schema: z.string(), table: z.string(), rows: z.number().int().nonnegative(), checksum: z.string().regex(/^-?\d+$/) })),
  uploads: z.array(z.object({ path: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: sha256Hex })),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  keyId: z.string().min(1),
  database: z.string().min(1),
  dump: z.object({ bytes: z.number().int().nonnegative(), sha256: sha256Hex }).optional(),
});

/** The clear sidecar `<id>.manifest.json`: the manifest plus the encrypted file's size and sha256. For listing only. */
export interface BackupSidecar extends BackupManifest { file: { bytes: number; sha256: string } }
export const backupSidecarSchema: z.ZodType<BackupSidecar> = z.intersection(
  backupManifestSchema,
  z.object({ file: z.object({ bytes: z.number().int().nonnegative(), sha256: sha256Hex }) }),
);

export function isBackupId(value: string): boolean {
  return backupIdPattern.test(value);
}

/** `bk-<UTC yyyymmddThhmmssZ>-<kind>`, e.g. bk-20261207T030000Z-daily. */
export function newBackupId(kind: BackupKind, at: Date): string {
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, "Z").replaceAll("-", "").replaceAll(":", "");
  return `bk-${stamp}-${backupKindSchema.parse(kind)}`;
}

export function parseBackupId(backupId: string): { at: Date; kind: BackupKind } {
  const match = backupIdPattern.exec(backupId);
  if (!match?.[1] || !match[2]) throw new Error(`Not a backup id: ${backupId}`);
  const s = match[1];
  const at = new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`);
  return { at, kind: match[2] as BackupKind };
}

export function backupFileName(backupId: string): string {
  return `${backupIdSchema.parse(backupId)}.vsbk`;
}

export function sidecarFileName(backupId: string): string {
  return `${backupIdSchema.parse(backupId)}.manifest.json`;
}

export function recordFromSidecar(sidecar: BackupSidecar, where: { local: boolean; external: boolean }): BackupRecord {
  return {
    backupId: sidecar.backupId,
    kind: sidecar.kind,
    startedAt: sidecar.startedAt,
    finishedAt: sidecar.finishedAt,
    bytes: sidecar.file.bytes,
    sha256: sidecar.file.sha256,
    keyId: sidecar.keyId,
    appVersion: sidecar.appVersion,
    tableCount: sidecar.tables.length,
    rowCount: sidecar.tables.reduce((sum, table) => sum + table.rows, 0),
    uploadCount: sidecar.uploads.length,
    ...where,
  };
}

/** Only the manifest fields (drops the sidecar's `file` and anything unknown). */
export function manifestOf(sidecar: BackupManifest): BackupManifest {
  return backupManifestSchema.parse(sidecar);
}
