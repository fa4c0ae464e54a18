import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup } from "../backup.js";
import { newBackupId, type TableFingerprint, type UploadEntry } from "../manifest.js";
import { appliedMigrations } from "../migrations-list.js";
import { databaseUrlFor } from "../pg.js";
import { restoreNames, shortRunId } from "./names.js";
import { restoreStep, runRestore } from "./run.js";
import { databasesLike, makeShop, query, runId, shopTables, uploadsOf, writeGeneration, type Shop } from "./test-fixture.js";
import type { RestoreLogLine, RestoreRequest } from "./types.js";

let shop: Shop;
let backupId: string;
let backedUp: { tables: TableFingerprint[]; uploads: UploadEntry[] };

const request = (id: string, backup = backupId, mode: "restore" | "copy" = "restore"): RestoreRequest => ({ runId: id, backupId: backup, mode, requestedBy: "user_owner" });
const names = (id: string) => restoreNames({ live: shop.live, runId: id, mode: "restore", startedAt: new Date(), uploadsDir: shop.cfg.uploadsDir, backupDir: shop.cfg.backupDir });
const snapshot = async () => ({ tables: await shopTables(shop.cfg.databaseUrl), uploads: await uploadsOf(shop.cfg.uploadsDir), databases: await databasesLike(shop.live) });
const maintenance = async (url = shop.cfg.databaseUrl) => (await query<{ on: boolean; restore_run_id: string | null }>(url, `SELECT "on", restore_run_id FROM operations_maintenance WHERE id = 'shop'`))[0];
const runRow = async (id: string) => (await query<{ status: string; step: string; error: string | null; log: RestoreLogLine[] }>(shop.cfg.databaseUrl, `SELECT * FROM operations_restore_run WHERE id = $1`, [id]))[0];

beforeAll(async () => {
  shop = await makeShop();
  await writeGeneration(shop, 1);
  backupId = newBackupId("manual", new Date("2026-12-01T03:00:00Z"));
  await createBackup(shop.cfg, { backupId, kind: "manual" });
  backedUp = { tables: await shopTables(shop.cfg.databaseUrl), uploads: await uploadsOf(shop.cfg.uploadsDir) };
}, 120_000);

afterAll(async () => {
  delete process.env.VOLTURA_MIGRATE_COMMAND;
  await shop?.drop();
});

describe("restore on PostgreSQL", () => {
  it("swaps in the backup's data and uploads, keeps the old database as <live>_pre_<short>, logs every step", async () => {
    await writeGeneration(shop, 2);
    const before = await snapshot();
    expect(before.tables).not.toEqual(backedUp.tables);
    const id = runId();
    const printed: RestoreLogLine[] = [];
    const started = Date.now();
    const outcome = await runRestore(shop.cfg, request(id), (line) => printed.push(line));
    console.log(`restore round trip: ${Date.now() - started} ms, ${printed.length} log lines`);

    const short = shortRunId(id);
    expect(outcome).toMatchObject({ status: "completed", step: "resume", targetDatabase: shop.live, previousDatabase: `${shop.live}_pre_${short}`, error: null });
    expect(await shopTables(shop.cfg.databaseUrl)).toEqual(backedUp.tables);
    expect(await uploadsOf(shop.cfg.uploadsDir)).toEqual(backedUp.uploads);
    expect(await shopTables(databaseUrlFor(shop.cfg.databaseUrl, `${shop.live}_pre_${short}`))).toEqual(before.tables);
    expect(await uploadsOf(names(id).previousUploads)).toEqual(before.uploads);
    expect(await databasesLike(shop.live)).toEqual([shop.live, `${shop.live}_pre_${short}`].sort());
    expect(await maintenance()).toMatchObject({ on: false });

    const row = await runRow(id);
    expect(row).toMatchObject({ status: "completed", step: "resume", error: null });
    const steps = [...new Set(row!.log.map((l) => l.step))];
    expect(steps).toEqual(["check", "maintenance_on", "restore_new_database", "verify", "swap", "resume"]);
    expect(row!.log.length).toBeGreaterThanOrEqual(printed.length - 2);
    const preRestore = (await readdir(shop.cfg.backupDir)).filter((f) => f.endsWith("-pre_restore.vsbk"));
    expect(preRestore).toHaveLength(1);

    // The pre_restore backup undoes the restore; it holds the first run as "running", which must not block the second.
    const undo = await runRestore(shop.cfg, request(runId(), preRestore[0]!.replace(/\.vsbk$/, "")));
    expect(undo).toMatchObject({ status: "completed", error: null });
    expect(await shopTables(shop.cfg.databaseUrl)).toEqual(before.tables);
    expect(await uploadsOf(shop.cfg.uploadsDir)).toEqual(before.uploads);
    expect(await runRow(id)).toMatchObject({ status: "failed", error: "this database was restored from a backup taken while the run was in progress" });
    const [kept] = await query<{ status: string }>(databaseUrlFor(shop.cfg.databaseUrl, `${shop.live}_pre_${short}`), `SELECT status FROM operations_restore_run WHERE id = $1`, [id]);
    expect(kept?.status).toBe("completed");
  });

  it("refuses a backup made by a newer app version and changes nothing", async () => {
    const newer = newBackupId("manual", new Date("2026-12-02T03:00:00Z"));
    await createBackup({ ...shop.cfg, appVersion: "9.0.0" }, { backupId: newer, kind: "manual" });
    const before = await snapshot();
    const maintenanceBefore = await maintenance();
    const id = runId();
    const outcome = await runRestore(shop.cfg, request(id, newer));

    expect(outcome.status).toBe("failed");
    expect(outcome.error).toMatch(/^backup_newer_than_app: the backup was made by version 9\.0\.0, newer than this app \(1\.4\.0\)/);
    expect(await snapshot()).toEqual(before);
    expect(await maintenance()).toEqual(maintenanceBefore);
    expect((await runRow(id))!.log.some((l) => l.level === "error" && /newer than this app/.test(l.message))).toBe(true);
  });

  it("rolls back when verify finds the restored database differs from the manifest (tampered between steps)", async () => {
    await writeGeneration(shop, 3);
    const before = await snapshot();
    const id = runId();
    for (const step of ["check", "maintenance_on", "restore_new_database"] as const) await restoreStep(shop.cfg, request(id), step);
    expect(await maintenance()).toMatchObject({ on: true, restore_run_id: id });
    const target = databaseUrlFor(shop.cfg.databaseUrl, names(id).target);
    await query(target, `UPDATE repair_job SET total_sen = total_sen + 1 WHERE id = 'job_1_1'`);
    await expect(restoreStep(shop.cfg, request(id), "verify")).rejects.toThrow(/public\.repair_job: checksum differs/);
    expect((await runRow(id))!.error).toMatch(/^verify found 1 difference/);

    const outcome = await runRestore(shop.cfg, request(id));
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toMatch(/verify found 1 difference\(s\).*public\.repair_job: checksum differs/);
    expect(await snapshot()).toEqual(before);
    expect(await maintenance()).toMatchObject({ on: false });
    expect(await uploadsOf(names(id).stagedUploads)).toEqual([]);
  });

  it("rolls back after the swap: the old database and uploads are live again", async () => {
    await writeGeneration(shop, 4);
    const before = await snapshot();
    const id = runId();
    for (const step of ["check", "maintenance_on", "restore_new_database", "verify", "swap"] as const) await restoreStep(shop.cfg, request(id), step);
    expect(await shopTables(shop.cfg.databaseUrl)).toEqual(backedUp.tables);

    const result = await restoreStep(shop.cfg, request(id), "rollback");
    expect(result.status).toBe("rolled_back");
    expect(await snapshot()).toEqual(before);
    expect(await maintenance()).toMatchObject({ on: false });
    const row = await runRow(id);
    expect(row).toMatchObject({ status: "rolled_back", step: "rollback" });
    expect(row!.log.map((l) => l.step)).toContain("swap");
  });

  it("runs the migration command on a backup older than the app, then verifies the untouched tables", async () => {
    await query(shop.cfg.databaseUrl, `INSERT INTO mikro_orm_migrations (name) VALUES ('Migration20261208000000'); ALTER TABLE repair_job ADD COLUMN warranty_days integer NOT NULL DEFAULT 90`);
    process.env.VOLTURA_MIGRATE_COMMAND = `psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -q -c "INSERT INTO mikro_orm_migrations (name) VALUES ('Migration20261208000000'); ALTER TABLE repair_job ADD COLUMN warranty_days integer NOT NULL DEFAULT 90"`;
    const id = runId();
    const outcome = await runRestore(shop.cfg, request(id));
    delete process.env.VOLTURA_MIGRATE_COMMAND;

    expect(outcome).toMatchObject({ status: "completed", error: null });
    expect(await appliedMigrations(shop.cfg.databaseUrl)).toContain("Migration20261208000000");
    const jobs = await query<{ n: number; warranty: number }>(shop.cfg.databaseUrl, `SELECT count(*)::int AS n, min(warranty_days) AS warranty FROM repair_job`);
    expect(jobs[0]).toEqual({ n: backedUp.tables.find((t) => t.table === "repair_job")!.rows, warranty: 90 });
    const untouched = (tables: TableFingerprint[]) => tables.filter((t) => t.table !== "repair_job" && t.table !== "mikro_orm_migrations");
    expect(untouched(await shopTables(shop.cfg.databaseUrl))).toEqual(untouched(backedUp.tables));
    expect((await runRow(id))!.log.some((l) => /1 migration\(s\) to run/.test(l.message))).toBe(true);
  });
});
