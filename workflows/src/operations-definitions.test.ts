import { describe, expect, it } from "vitest";
import {
  OPERATIONS_SCHEDULE_IDS, backupIdFor, isBackupStale, operationsAlertKeys, operationsShopDay, operationsShopWeekday,
  restoreBackupInputSchema, restoreStepsFor, runBackupInputSchema, scheduledBackupKind,
} from "./operations-definitions.js";

const KL = "Asia/Kuala_Lumpur";

describe("operations rules", () => {
  it("names backups bk-<UTC stamp>-<kind>", () => {
    expect(backupIdFor("daily", Date.parse("2026-12-07T03:00:00.123Z"))).toBe("bk-20261207T030000Z-daily");
    expect(runBackupInputSchema.safeParse({ kind: "manual", backupId: "bk-20261207T030000Z-manual", requestedBy: "owner" }).success).toBe(true);
    expect(runBackupInputSchema.safeParse({ kind: "manual", backupId: "../etc/passwd", requestedBy: "owner" }).success).toBe(false);
  });

  it("makes the scheduled backup weekly on the restore-test weekday of the shop's calendar, not UTC's", () => {
    const sunday3amKL = Date.parse("2026-12-05T19:00:00Z"); // Saturday in UTC, Sunday 03:00 in Kuala Lumpur
    expect(operationsShopWeekday(sunday3amKL, KL)).toBe(0);
    expect(operationsShopWeekday(sunday3amKL, "UTC")).toBe(6);
    expect(scheduledBackupKind(sunday3amKL, KL, 0)).toBe("weekly");
    expect(scheduledBackupKind(sunday3amKL, KL, 3)).toBe("daily");
    expect(scheduledBackupKind(sunday3amKL + 86_400_000, KL, 0)).toBe("daily");
    expect(operationsShopDay(sunday3amKL, KL)).toBe("2026-12-06");
  });

  it("is stale past 26 h or with no completed backup, fresh at 25 h and at exactly 26 h", () => {
    expect(isBackupStale({ newestCompletedAt: "x", ageHours: 25 })).toBe(false);
    expect(isBackupStale({ newestCompletedAt: "x", ageHours: 26 })).toBe(false);
    expect(isBackupStale({ newestCompletedAt: "x", ageHours: 26.01 })).toBe(true);
    expect(isBackupStale({ newestCompletedAt: null, ageHours: null })).toBe(true);
  });

  it("keys alerts so that each problem is raised once", () => {
    expect(operationsAlertKeys.backupStale("2026-12-06T19:00:00Z")).toBe("backup_stale:2026-12-06T19:00:00Z");
    expect(operationsAlertKeys.backupStale(null)).toBe("backup_stale:never");
    expect(operationsAlertKeys.backupFailed("bk-1")).not.toBe(operationsAlertKeys.externalCopyFailed("bk-1"));
  });

  it("orders a restore as Discourse does and never touches the live database for a copy", () => {
    expect(restoreStepsFor("restore")).toEqual(["check", "maintenance_on", "restore_new_database", "verify", "swap", "resume"]);
    expect(restoreStepsFor("copy")).toEqual(["check", "restore_new_database", "verify", "neutralise_copy"]);
    expect(restoreBackupInputSchema.safeParse({ runId: "rr_1", backupId: "bk-20261207T030000Z-daily", mode: "swap", requestedBy: "o" }).success).toBe(false);
  });

  it("has six schedules with distinct ids", () => {
    expect(new Set(OPERATIONS_SCHEDULE_IDS)).toEqual(new Set(["backup-daily", "restore-test-weekly", "backup-freshness", "optimise-weekly", "audit-chain-daily", "archive-daily"]));
  });
});
