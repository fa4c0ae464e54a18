import { describe, expect, it } from "vitest";
import { backupRecordBodySchema, operationsSettingsPatchSchema, restoreTestBodySchema, startRestoreBodySchema } from "@voltura/contracts";
import { describeIssues } from "@voltura/medusa-kit";
import { backupAgeHours, diskLow, operationsAlertText } from "../domain/alerts-rules";
import { manualBackupId } from "../modules/operations/sql/backups";
import { migrationFileNames } from "../modules/operations/sql/overview";
import { OPERATIONS_WORKFLOWS } from "../modules/operations/temporal-starts";

const issues = (r: { success: boolean; error?: unknown }) => (r.success ? "" : describeIssues(r.error as never));

describe("operations rules", () => {
  it("needs the typed word of the mode, naming confirmation", () => {
    expect(startRestoreBodySchema.safeParse({ mode: "restore", confirmation: "RESTORE" }).success).toBe(true);
    expect(startRestoreBodySchema.safeParse({ mode: "copy", confirmation: "COPY" }).success).toBe(true);
    expect(issues(startRestoreBodySchema.safeParse({ mode: "restore", confirmation: "restore" }))).toMatch(/^confirmation: type RESTORE/);
    expect(issues(startRestoreBodySchema.safeParse({ mode: "copy", confirmation: "RESTORE" }))).toMatch(/^confirmation: type COPY/);
    expect(issues(startRestoreBodySchema.safeParse({ mode: "restore" }))).toContain("confirmation");
    expect(issues(startRestoreBodySchema.safeParse({ mode: "swap", confirmation: "RESTORE" }))).toContain("mode");
  });

  it("keeps the settings above their minimums, naming the field", () => {
    expect(operationsSettingsPatchSchema.safeParse({ daily_retention_days: 7, external_retention_weeks: 4 }).success).toBe(true);
    expect(issues(operationsSettingsPatchSchema.safeParse({ daily_retention_days: 6 }))).toMatch(/^daily_retention_days:/);
    expect(issues(operationsSettingsPatchSchema.safeParse({ external_retention_weeks: 3 }))).toMatch(/^external_retention_weeks:/);
    expect(issues(operationsSettingsPatchSchema.safeParse({ backup_hour: 24 }))).toMatch(/^backup_hour:/);
    expect(issues(operationsSettingsPatchSchema.safeParse({ restore_test_weekday: 7 }))).toMatch(/^restore_test_weekday:/);
    expect(issues(operationsSettingsPatchSchema.safeParse({ external_endpoint: "ftp://x" }))).toMatch(/^external_endpoint:/);
    expect(operationsSettingsPatchSchema.safeParse({ secret_access_key: "x" }).success).toBe(false);
  });

  it("requires what a completed backup must have, and backup-shaped ids", () => {
    const base = { backupId: "bk-20261207T030000Z-daily", kind: "daily", startedAt: "2026-12-07T03:00:00.000Z" };
    expect(backupRecordBodySchema.safeParse({ ...base, status: "running" }).success).toBe(true);
    const missing = issues(backupRecordBodySchema.safeParse(base));
    for (const field of ["finishedAt", "bytes", "sha256", "keyId"]) expect(missing).toContain(field);
    expect(issues(backupRecordBodySchema.safeParse({ ...base, status: "running", backupId: "../etc/passwd" }))).toMatch(/^backupId:/);
    expect(restoreTestBodySchema.safeParse({ idempotency_key: "k", backupId: base.backupId, ok: true, startedAt: base.startedAt,
      finishedAt: base.startedAt, migrationsOk: true, tablesChecked: 3, uploadsChecked: 0, mismatches: [] }).success).toBe(true);
  });

  it("names manual backups and workflows deterministically", () => {
    expect(manualBackupId(new Date("2026-12-07T03:04:05.678Z"))).toBe("bk-20261207T030405Z-manual");
    expect(OPERATIONS_WORKFLOWS.backup.workflowId("bk-20261207T030405Z-manual")).toBe("backup-bk-20261207T030405Z-manual");
    expect(OPERATIONS_WORKFLOWS.verify.workflowId("bk-x", 2)).toBe("verify-bk-x-2");
    expect(OPERATIONS_WORKFLOWS.restore.workflowId("rr_1")).toBe("restore-rr_1");
    expect([OPERATIONS_WORKFLOWS.backup.workflowType, OPERATIONS_WORKFLOWS.verify.workflowType, OPERATIONS_WORKFLOWS.restore.workflowType])
      .toEqual(["runBackup", "verifyBackupWorkflow", "restoreBackup"]);
  });

  it("warns under 15 % free and ages the newest backup in hours", () => {
    expect(diskLow(14, 100)).toBe(true);
    expect(diskLow(15, 100)).toBe(false);
    expect(diskLow(0, 0)).toBe(false);
    expect(backupAgeHours(new Date("2026-12-06T01:00:00Z"), new Date("2026-12-07T03:30:00Z"))).toBe(26.5);
    expect(backupAgeHours(null, new Date())).toBeNull();
    expect(operationsAlertText("backup_failed", "bk-1 failed: disk full.")).toContain("A backup failed. bk-1 failed: disk full.");
  });

  it("reads migration names from a module's folder", () => {
    const names = migrationFileNames(`${__dirname}/../modules/operations/migrations`);
    expect(names).toEqual(["Migration20261207010000", "Migration20261207100200"]);
    expect(migrationFileNames("/nonexistent-folder")).toEqual([]);
  });
});
