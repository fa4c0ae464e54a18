import type { OperationsAlertKind } from "@voltura/contracts";

const KIND_TITLES: Record<OperationsAlertKind, string> = {
  backup_stale: "No recent backup",
  backup_failed: "A backup failed",
  restore_test_failed: "A restore test failed",
  audit_chain_broken: "The audit trail's chain is broken",
  disk_low: "Disk space is low",
};

/** The WhatsApp text owners get for an operations alert. */
export function operationsAlertText(kind: OperationsAlertKind, message: string): string {
  return `Voltura operations alert: ${KIND_TITLES[kind]}. ${message.trim()} Open Settings → Maintenance for details.`;
}

/** The disks the overview reports and the free share below which it warns. */
export const DISK_LOW_RATIO = 0.15;

export function diskLow(freeBytes: number, totalBytes: number): boolean {
  return totalBytes > 0 && freeBytes / totalBytes < DISK_LOW_RATIO;
}

/** Hours between the newest completed backup and now (one decimal), null without any. */
export function backupAgeHours(newestCompletedAt: Date | null, now: Date): number | null {
  if (!newestCompletedAt) return null;
  return Math.round(((now.getTime() - newestCompletedAt.getTime()) / 3_600_000) * 10) / 10;
}
