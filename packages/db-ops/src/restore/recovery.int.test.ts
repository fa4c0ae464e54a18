import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup } from "../backup.js";
import { newBackupId, type TableFingerprint, type UploadEntry } from "../manifest.js";
import { databaseUrlFor, quoteDatabaseName } from "../pg.js";
import { restoreNames } from "./names.js";
import { outboundCapableRows } from "./neutralise.js";
import { recoverRestore, restoreStep, runRestore } from "./run.js";
import { adminUrl, databasesLike, makeShop, query, runId, shopTables, uploadsOf, writeGeneration, type Shop } from "./test-fixture.js";
import { RESTORE_STEPS, type RestoreRequest } from "./types.js";

let shop: Shop;
let backupId: string;
let backedUp: TableFingerprint[];
let backedUpUploads: UploadEntry[];

const request = (id: string, mode: "restore" | "copy" = "restore"): RestoreRequest => ({ runId: id, backupId, mode, requestedBy: "user_owner" });
const names = (id: string, mode: "restore" | "copy" = "restore") =>
  restoreNames({ live: shop.live, runId: id, mode, startedAt: new Date(), uploadsDir: shop.cfg.uploadsDir, backupDir: shop.cfg.backupDir });
const leftovers = async () => (await databasesLike(shop.live)).filter((d) => d !== shop.live && !d.includes("_pre_"));

beforeAll(async () => {
  shop = await makeShop();
  await writeGeneration(shop, 1);
  backupId = newBackupId("manual", new Date("2026-12-01T03:00:00Z"));
  await createBackup(shop.cfg, { backupId, kind: "manual" });
  backedUp = await shopTables(shop.cfg.databaseUrl);
  backedUpUploads = await uploadsOf(shop.cfg.uploadsDir);
}, 120_000);

afterAll(async () => {
  await shop?.drop();
});

describe("restore recovery after a kill between steps", () => {
  it("ends with the old or the new database whole, never neither, whichever step it stopped after", async () => {
    for (let k = 1; k <= RESTORE_STEPS.length - 1; k++) {
      await writeGeneration(shop, 10 + k);
      const before = await shopTables(shop.cfg.databaseUrl);
      const beforeUploads = await uploadsOf(shop.cfg.uploadsDir);
      const id = runId();
      for (const step of RESTORE_STEPS.slice(0, k)) await restoreStep(shop.cfg, request(id), step);

      const outcome = await recoverRestore(shop.cfg, id);
      const after = await shopTables(shop.cfg.databaseUrl);
      const swapped = RESTORE_STEPS[k - 1] === "swap";
      expect({ k, status: outcome.status }).toEqual({ k, status: swapped ? "completed" : "failed" });
      expect(after).toEqual(swapped ? backedUp : before);
      if (!swapped) expect(await uploadsOf(shop.cfg.uploadsDir)).toEqual(beforeUploads);
      expect(await leftovers()).toEqual([]);
      const [maintenance] = await query<{ on: boolean }>(shop.cfg.databaseUrl, `SELECT "on" FROM operations_maintenance WHERE id = 'shop'`);
      expect(maintenance?.on ?? false).toBe(false);
      expect((await recoverRestore(shop.cfg, id)).status).toBe(outcome.status);
    }
  });

  it("recovers a run killed inside the swap (live closed to connections) and one killed inside pg_restore", async () => {
    await writeGeneration(shop, 30);
    const before = await shopTables(shop.cfg.databaseUrl);
    const closed = runId();
    for (const step of ["check", "maintenance_on", "restore_new_database", "verify"] as const) await restoreStep(shop.cfg, request(closed), step);
    await query(adminUrl, `ALTER DATABASE ${quoteDatabaseName(shop.live)} ALLOW_CONNECTIONS false`);
    expect((await recoverRestore(shop.cfg, closed)).status).toBe("failed");
    expect(await shopTables(shop.cfg.databaseUrl)).toEqual(before);

    const halfway = runId();
    for (const step of ["check", "maintenance_on"] as const) await restoreStep(shop.cfg, request(halfway), step);
    await query(adminUrl, `CREATE DATABASE ${quoteDatabaseName(names(halfway).target)}`);
    expect((await recoverRestore(shop.cfg, halfway)).status).toBe("failed");
    expect(await shopTables(shop.cfg.databaseUrl)).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it("repeats any step after a crash without harm (the workflow retries activities)", async () => {
    await writeGeneration(shop, 40);
    const id = runId();
    for (const step of RESTORE_STEPS) {
      await restoreStep(shop.cfg, request(id), step);
      if (step !== "resume") await restoreStep(shop.cfg, request(id), step);
    }
    expect(await shopTables(shop.cfg.databaseUrl)).toEqual(backedUp);
    const [row] = await query<{ status: string }>(shop.cfg.databaseUrl, `SELECT status FROM operations_restore_run WHERE id = $1`, [id]);
    expect(row?.status).toBe("completed");
  });
});

describe("restore as a copy", () => {
  it("leaves the live database untouched and switches off everything outbound in the copy", async () => {
    await writeGeneration(shop, 50);
    const before = await shopTables(shop.cfg.databaseUrl);
    const beforeUploads = await uploadsOf(shop.cfg.uploadsDir);
    const liveOutbound = await outboundCapableRows(shop.cfg.databaseUrl);
    expect(Object.values(liveOutbound).filter((n) => n > 0).length).toBeGreaterThanOrEqual(8);
    const id = runId();
    const outcome = await runRestore(shop.cfg, request(id, "copy"));

    const copyName = names(id, "copy").target;
    expect(outcome).toMatchObject({ status: "completed", targetDatabase: copyName, previousDatabase: null, error: null });
    expect(copyName).toMatch(new RegExp(`^${shop.live}_copy_\\d{8}_[0-9a-f]{8}$`));
    expect(await shopTables(shop.cfg.databaseUrl)).toEqual(before);
    expect(await uploadsOf(shop.cfg.uploadsDir)).toEqual(beforeUploads);
    const copyUrl = databaseUrlFor(shop.cfg.databaseUrl, copyName);
    const outbound = await outboundCapableRows(copyUrl);
    expect(Object.keys(outbound).sort()).toEqual(Object.keys(liveOutbound).sort());
    expect(outbound).toEqual(Object.fromEntries(Object.keys(outbound).map((k) => [k, 0])));
    const [flag] = await query<{ neutralised: boolean; on: boolean }>(copyUrl, `SELECT neutralised, "on" FROM operations_maintenance WHERE id = 'shop'`);
    expect(flag).toEqual({ neutralised: true, on: false });
    const [copied] = await query<{ status: string }>(copyUrl, `SELECT status FROM operations_restore_run WHERE id = $1`, [id]);
    expect(copied?.status).toBe("completed");
    const jobs = (tables: TableFingerprint[]) => tables.find((t) => t.table === "repair_job")?.rows;
    expect(jobs(await shopTables(copyUrl))).toBe(jobs(backedUp));
    expect(await uploadsOf(names(id, "copy").stagedUploads)).toEqual(backedUpUploads);
  });
});
