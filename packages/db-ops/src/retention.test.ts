import { describe, expect, it } from "vitest";
import type { BackupKind, BackupRecord } from "./manifest.js";
import { planRetention } from "./retention.js";

const now = new Date("2026-12-07T03:30:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

function backup(id: string, kind: BackupKind, ageDays: number, where: { local?: boolean; external?: boolean } = {}): BackupRecord {
  return {
    backupId: id, kind, startedAt: daysAgo(ageDays), finishedAt: daysAgo(ageDays), bytes: 1, sha256: "0".repeat(64), keyId: "b-1",
    appVersion: "0.1.0", tableCount: 1, rowCount: 1, uploadCount: 0, local: where.local ?? true, external: where.external ?? false,
  };
}
const policy = { dailyDays: 30, externalWeeks: 12 };

describe("planRetention", () => {
  it("keeps daily backups for dailyDays and deletes older ones (the limit itself is kept)", () => {
    const list = [backup("d0", "daily", 0), backup("d29", "daily", 29), backup("d30", "daily", 30), backup("d31", "daily", 31), backup("d90", "daily", 90)];
    expect(planRetention(list, policy, now)).toEqual({ deleteLocal: ["d31", "d90"], deleteExternal: [] });
  });

  it("keeps external weekly copies for externalWeeks and deletes their older local copies by the daily rule", () => {
    const list = [
      backup("w0", "weekly", 0, { external: true }), backup("w7", "weekly", 7, { external: true }),
      backup("w35", "weekly", 35, { external: true }), backup("w84", "weekly", 84, { local: false, external: true }),
      backup("w85", "weekly", 85, { local: false, external: true }), backup("w200", "weekly", 200, { local: false, external: true }),
    ];
    expect(planRetention(list, policy, now)).toEqual({ deleteLocal: ["w35"], deleteExternal: ["w85", "w200"] });
  });

  it("follows configured retentions", () => {
    const list = [backup("d0", "daily", 0), backup("d8", "daily", 8), backup("w15", "weekly", 15, { external: true }), backup("w27", "weekly", 27, { local: false, external: true })];
    expect(planRetention(list, { dailyDays: 7, externalWeeks: 4 }, now)).toEqual({ deleteLocal: ["d8", "w15"], deleteExternal: [] });
    expect(planRetention(list, { dailyDays: 7, externalWeeks: 2 }, now)).toEqual({ deleteLocal: ["d8", "w15"], deleteExternal: ["w27"] });
  });

  it("never deletes the newest backup, however old", () => {
    const list = [backup("old", "daily", 400, { external: true }), backup("older", "daily", 500)];
    expect(planRetention(list, policy, now)).toEqual({ deleteLocal: ["older"], deleteExternal: [] });
  });

  it("never empties the external bucket by age alone", () => {
    const list = [backup("d0", "daily", 0), backup("w200", "weekly", 200, { local: false, external: true }), backup("w300", "weekly", 300, { local: false, external: true })];
    expect(planRetention(list, policy, now)).toEqual({ deleteLocal: [], deleteExternal: ["w300"] });
  });

  it("keeps a pre_restore backup for 7 days even when the policy is shorter, then applies the daily rule", () => {
    const list = [backup("d0", "daily", 0), backup("p6", "pre_restore", 6.9), backup("p8", "pre_restore", 8), backup("p40", "pre_restore", 40)];
    expect(planRetention(list, { dailyDays: 1, externalWeeks: 12 }, now).deleteLocal).toEqual(["p8", "p40"]);
    expect(planRetention(list, policy, now).deleteLocal).toEqual(["p40"]);
  });

  it("deletes nothing from an empty list and refuses a zero retention", () => {
    expect(planRetention([], policy, now)).toEqual({ deleteLocal: [], deleteExternal: [] });
    expect(() => planRetention([], { dailyDays: 0, externalWeeks: 12 }, now)).toThrow(/at least 1 day/);
  });
});
