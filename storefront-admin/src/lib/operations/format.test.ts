import { RESTORE_CONFIRMATION_WORDS } from "@voltura/contracts";
import { describe, expect, it } from "vitest";
import {
  archiveCountsSummary,
  CONFIRMATION_WORDS,
  confirmationMatches,
  diskIsLow,
  formatAge,
  formatBytes,
  formatFreeShare,
  isMaintenanceRefusal,
  optimisationSummary,
  shopTime,
  stepStates,
  storageLabel,
  verificationBadge,
} from "./format";

describe("sizes", () => {
  it("reads bytes the way an owner does", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(812)).toBe("812 B");
    expect(formatBytes(1024)).toBe("1 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(23 * 1024 * 1024 + 100)).toBe("23 MB");
    expect(formatBytes(4.24 * 1024 ** 3)).toBe("4.2 GB");
    expect(formatBytes(1024 * 1024 - 1)).toBe("1 MB");
  });

  it("says nothing it does not know", () => {
    for (const unknown of [null, undefined, Number.NaN, -1]) expect(formatBytes(unknown)).toBe("—");
  });
});

describe("ages", () => {
  const now = new Date("2026-12-07T03:00:00Z");
  it("counts minutes, hours, then days", () => {
    expect(formatAge("2026-12-07T02:59:40Z", now)).toBe("just now");
    expect(formatAge("2026-12-07T02:55:00Z", now)).toBe("5 min ago");
    expect(formatAge("2026-12-06T00:00:00Z", now)).toBe("27 h ago");
    expect(formatAge("2026-12-04T03:00:00Z", now)).toBe("3 days ago");
    expect(formatAge("2026-12-07T04:00:00Z", now)).toBe("just now");
    expect(formatAge(null, now)).toBe("never");
  });
});

describe("disk space", () => {
  it("warns under 15 % free", () => {
    expect(diskIsLow(0.149)).toBe(true);
    expect(diskIsLow(0.15)).toBe(false);
    expect(formatFreeShare(0.123)).toBe("12 % free");
    expect(formatFreeShare(0.004)).toBe("<1 % free");
    expect(formatFreeShare(0)).toBe("0 % free");
  });
});

describe("backups", () => {
  it("labels the verification as the issue names it", () => {
    expect(verificationBadge("unverified", null)).toEqual({ text: "unverified", tone: "muted" });
    expect(verificationBadge("failed", "2026-12-06T20:00:00Z")).toEqual({ text: "failed", tone: "bad" });
    // 7 Dec 01:30 UTC is 7 Dec 09:30 in Kuala Lumpur; 6 Dec 20:00 UTC is already 7 Dec there.
    expect(verificationBadge("verified", "2026-12-06T20:00:00Z")).toEqual({ text: "verified 7 Dec 2026", tone: "good" });
  });

  it("shows times in shop time", () => {
    expect(shopTime("2026-12-06T19:00:00Z")).toMatch(/^7 Dec 2026, 3:00\s?am$/);
    expect(shopTime(null)).toBe("—");
  });

  it("names where the file is", () => {
    expect(storageLabel(true, false)).toBe("This machine");
    expect(storageLabel(true, true)).toBe("This machine + external");
    expect(storageLabel(false, true)).toBe("External");
  });
});

describe("typed confirmation", () => {
  it("uses exactly the words the restore route wants", () => {
    expect(CONFIRMATION_WORDS).toEqual(RESTORE_CONFIRMATION_WORDS);
  });

  it("matches only the exact word", () => {
    expect(confirmationMatches("restore", "RESTORE")).toBe(true);
    expect(confirmationMatches("copy", "COPY")).toBe(true);
    for (const typed of ["restore", "RESTORE ", "COPY", ""]) expect(confirmationMatches("restore", typed), typed).toBe(false);
    expect(confirmationMatches("copy", "RESTORE")).toBe(false);
  });
});

describe("maintenance refusals", () => {
  it("recognises commerce's 503 maintenance_mode and nothing else", () => {
    expect(isMaintenanceRefusal(503, "maintenance_mode")).toBe(true);
    expect(isMaintenanceRefusal(503, undefined, { type: "maintenance_mode", message: "…" })).toBe(true);
    expect(isMaintenanceRefusal(503, "unavailable")).toBe(false);
    expect(isMaintenanceRefusal(409, "maintenance_mode")).toBe(false);
  });
});

describe("restore steps", () => {
  const line = (step: string, level: "info" | "error" = "info") => ({ step, level });

  it("marks done, current and waiting steps while a restore runs", () => {
    const states = stepStates({ mode: "restore", status: "running", step: "restore_new_database", log: [line("check"), line("maintenance_on")] });
    expect(states.map((s) => `${s.step}:${s.state}`)).toEqual([
      "check:done",
      "maintenance_on:done",
      "restore_new_database:current",
      "verify:waiting",
      "swap:waiting",
      "resume:waiting",
    ]);
  });

  it("marks every step done once completed", () => {
    const states = stepStates({ mode: "copy", status: "completed", step: "neutralise_copy", log: [] });
    expect(states.map((s) => s.state)).toEqual(["done", "done", "done", "done"]);
  });

  it("marks the failing step and skips the rest", () => {
    const states = stepStates({ mode: "restore", status: "failed", step: "verify", log: [line("check"), line("verify", "error")] });
    expect(states.map((s) => s.state)).toEqual(["done", "done", "done", "failed", "skipped", "skipped"]);
  });

  it("marks the swap failed after a rollback", () => {
    const states = stepStates({ mode: "restore", status: "rolled_back", step: "rollback", log: [line("swap"), line("rollback")] });
    expect(states.find((s) => s.step === "swap")?.state).toBe("failed");
    expect(states.find((s) => s.step === "resume")?.state).toBe("skipped");
  });

  it("waits on every step before the worker starts", () => {
    expect(stepStates({ mode: "restore", status: "pending", step: null, log: [] }).every((s) => s.state === "waiting")).toBe(true);
  });
});

describe("optimisation runs", () => {
  it("sums up db-ops' result in one line", () => {
    const result = { vacuumed: [{}, {}, {}], reindexed: [{}], databaseBytesBefore: 230 * 1024 ** 2, databaseBytesAfter: 212 * 1024 ** 2 };
    expect(optimisationSummary(result, "2026-12-06T20:30:00Z", "2026-12-06T20:30:41Z")).toBe("3 tables vacuumed · 1 index rebuilt · 230 MB → 212 MB · 41 s");
    expect(optimisationSummary({ vacuumed: [{}], reindexed: [] }, "2026-12-06T20:30:00Z", "2026-12-06T20:35:00Z")).toBe("1 table vacuumed · 0 indexes rebuilt · 5 min");
  });

  it("shows only what it can read of an unknown shape", () => {
    expect(optimisationSummary({ note: "x" }, "2026-12-06T20:30:00Z", "2026-12-06T20:30:02Z")).toBe("2 s");
  });
});

describe("archive runs", () => {
  it("totals the moved rows, biggest table first", () => {
    expect(archiveCountsSummary({ repair_job: 200, pos_sale: 1004, conversation: 0 })).toBe("1,204 rows moved (pos_sale 1,004 · repair_job 200)");
    expect(archiveCountsSummary({ repair_job: 1 })).toBe("1 row moved (repair_job 1)");
    expect(archiveCountsSummary({})).toBe("nothing old enough to move");
  });
});
