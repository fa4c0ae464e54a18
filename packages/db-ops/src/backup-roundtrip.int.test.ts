import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import os from "node:os";
import { BackupInProgressError, createBackup } from "./backup.js";
import { newBackupId } from "./manifest.js";
import { openBackup } from "./open-backup.js";
import { databaseUrlFor, withClient } from "./pg.js";
import { compareWithManifest, restoreDumpInto } from "./restore-dump.js";
import { listBackups, localPaths } from "./storage.js";
import { createFixture, databaseContents, folderContents, uniqueName, writeFile, type Fixture } from "./int-fixture.test-helpers.js";

let fx: Fixture;
beforeAll(async () => { fx = await createFixture(); });
afterAll(async () => { await fx?.close(); });

/** Inserts, updates, deletes and moves rows, and adds, changes and removes files; a little different each round. */
async function changeShop(round: number): Promise<void> {
  await withClient(fx.cfg.databaseUrl, async (c) => {
    await c.query(`INSERT INTO public.customer (id, name) SELECT 'r${round}-' || g, 'Baru ' || g FROM generate_series(1, 15) g`);
    await c.query(`UPDATE public.customer SET balance = coalesce(balance, 0) + ${round}.5, meta = coalesce(meta, '{}') || jsonb_build_object('round', ${round})
                    WHERE abs(hashtext(id)) % 5 = ${round % 5}`);
    await c.query(`DELETE FROM public.job WHERE id IN (SELECT id FROM public.job ORDER BY id LIMIT 7 OFFSET ${round * 3})`);
    await c.query(`WITH moved AS (DELETE FROM public.job WHERE id IN (SELECT id FROM public.job WHERE status = 'closed' ORDER BY id LIMIT 10) RETURNING *)
                   INSERT INTO archive.job SELECT * FROM moved`);
    await c.query(`INSERT INTO public.job (customer_id, status, total_sen, opened_at) SELECT 'r${round}-' || g, 'open', g * 99, now() FROM generate_series(1, 5) g`);
    await c.query(`INSERT INTO console.preference VALUES ('staff-r${round}', 'filters', '{"status": ["open"], "n": ${round}}')`);
    await c.query(`UPDATE console.preference SET value = jsonb_set(value, '{round}', to_jsonb(${round})) WHERE staff_id = 'staff-${round + 1}'`);
    await c.query(`DELETE FROM public.customer WHERE id = 'c-${round * 11 + 1}'`);
    if (round === 5) await c.query("CREATE TABLE console.note (id int PRIMARY KEY, body text); INSERT INTO console.note SELECT g, repeat('n', g) FROM generate_series(1, 40) g");
  });
  const uploads = fx.cfg.uploadsDir;
  for (let k = 0; k <= round % 3; k++) await writeFile(uploads, `jobs/r${round}/photo-${k}.jpg`, crypto.randomBytes(1000 * (round + 1) + k));
  if (round % 2 === 0) await writeFile(uploads, "logo.png", crypto.randomBytes(2048 + round));
  if (round > 0) await fs.promises.rm(path.join(uploads, `jobs/r${round - 1}/photo-0.jpg`), { force: true });
  if (round === 7) await fs.promises.rm(path.join(uploads, "jobs/j-1"), { recursive: true, force: true });
}

describe("backup → restore round trips", () => {
  const figures: Array<Record<string, number | string>> = [];

  it("restores 10 times, with data changed in between, identical table by table and file by file", async () => {
    const start = Date.UTC(2026, 11, 7, 3, 0, 0);
    for (let round = 0; round < 10; round++) {
      await changeShop(round);
      const backupId = newBackupId("manual", new Date(start + round * 60_000));
      const t0 = performance.now();
      const record = await createBackup(fx.cfg, { backupId, kind: "manual" });
      const t1 = performance.now();
      const workDir = path.join(fx.root, "work", `round-${round}`);
      const opened = await openBackup(fx.cfg, backupId, workDir);
      const restoredDb = uniqueName(`voltura_bk_rt${round}`);
      fx.databases.push(restoredDb);
      await restoreDumpInto(fx.cfg, opened.dumpFile, restoredDb);
      const t2 = performance.now();
      const restoredUrl = databaseUrlFor(fx.cfg.databaseUrl, restoredDb);

      const [live, restored] = await Promise.all([databaseContents(fx.cfg.databaseUrl), databaseContents(restoredUrl)]);
      expect(Object.keys(live)).toEqual(expect.arrayContaining(["public.customer", "archive.job", "console.preference", "sequence public.ticket_no"]));
      expect(live["public.customer"]!.length).toBeGreaterThan(300);
      expect(Object.keys(restored).sort()).toEqual(Object.keys(live).sort());
      for (const name of Object.keys(live)) expect(restored[name], name).toEqual(live[name]);
      expect(await compareWithManifest(restoredUrl, opened.manifest)).toEqual({ ok: true, mismatches: [] });
      expect(opened.manifest.tables.map((t) => `${t.schema}.${t.table}`)).toContain("archive.job");
      expect(opened.manifest.migrations).toEqual(["Migration20261206160000", "Migration20261207010000"]);

      const [liveFiles, restoredFiles] = await Promise.all([folderContents(fx.cfg.uploadsDir), folderContents(opened.uploadsDir)]);
      expect([...restoredFiles.keys()].sort()).toEqual([...liveFiles.keys()].sort());
      for (const [name, content] of liveFiles) expect(restoredFiles.get(name)?.equals(content), name).toBe(true);
      expect(record.uploadCount).toBe(liveFiles.size);
      expect(record.rowCount).toBe(opened.manifest.tables.reduce((sum, t) => sum + t.rows, 0));

      figures.push({ round, backupMs: Math.round(t1 - t0), restoreMs: Math.round(t2 - t1), fileBytes: record.bytes, dumpBytes: record.dumpBytes,
        uploadBytes: record.uploadBytes, rows: record.rowCount, files: record.uploadCount });
      await withClient(databaseUrlFor(fx.cfg.databaseUrl, "postgres"), (c) => c.query(`DROP DATABASE ${restoredDb} WITH (FORCE)`));
      fx.databases.pop();
      await fs.promises.rm(workDir, { recursive: true, force: true });
    }
    console.table(figures);
    expect((await listBackups({ ...fx.cfg, external: null })).length).toBe(10);
  });

  it("detects a restored database that differs from the manifest, naming the table", async () => {
    const [newest] = await listBackups({ ...fx.cfg, external: null });
    const opened = await openBackup(fx.cfg, newest!.backupId, path.join(fx.root, "work", "differs"));
    const db = uniqueName("voltura_bk_diff");
    fx.databases.push(db);
    await restoreDumpInto(fx.cfg, opened.dumpFile, db);
    const url = databaseUrlFor(fx.cfg.databaseUrl, db);
    await withClient(url, (c) => c.query("UPDATE console.preference SET value = '{}' WHERE staff_id = 'staff-3'"));
    const result = await compareWithManifest(url, opened.manifest);
    expect(result.ok).toBe(false);
    expect(result.mismatches).toEqual([expect.stringMatching(/^console\.preference: checksum differs/)]);
  });

  it("is idempotent per backup id and refuses to restore over the live database", async () => {
    const [newest] = await listBackups({ ...fx.cfg, external: null });
    const again = await createBackup(fx.cfg, { backupId: newest!.backupId, kind: "manual" });
    expect(again.reused).toBe(true);
    expect(again.sha256).toBe(newest!.sha256);
    expect(fs.readdirSync(fx.cfg.backupDir).filter((f) => f.endsWith(".partial") || f.endsWith(".lock"))).toEqual([]);
    await expect(restoreDumpInto(fx.cfg, path.join(fx.root, "none.dump"), fx.sourceDb)).rejects.toThrow();
    await expect(withClient(fx.cfg.databaseUrl, (c) => c.query("SELECT 1"))).resolves.toBeTruthy();
  });

  it("refuses a second writer for the same id and takes over what a dead one left", async () => {
    const backupId = newBackupId("daily", new Date(Date.UTC(2026, 11, 8, 3, 0, 0)));
    const paths = localPaths(fx.cfg, backupId);
    fs.mkdirSync(fx.cfg.backupDir, { recursive: true });
    fs.writeFileSync(`${paths.file}.lock`, JSON.stringify({ pid: process.pid, host: os.hostname() }));
    await expect(createBackup(fx.cfg, { backupId, kind: "daily" })).rejects.toThrow(BackupInProgressError);
    fs.writeFileSync(`${paths.file}.lock`, JSON.stringify({ pid: 2 ** 22 + 17, host: os.hostname() }));
    fs.writeFileSync(paths.partial, "half a backup");
    expect(await listBackups({ ...fx.cfg, external: null })).not.toContainEqual(expect.objectContaining({ backupId }));
    const record = await createBackup(fx.cfg, { backupId, kind: "daily" });
    expect(record).toMatchObject({ backupId, kind: "daily", reused: false });
    expect(fs.existsSync(paths.partial) || fs.existsSync(`${paths.file}.lock`)).toBe(false);
    await expect(createBackup(fx.cfg, { backupId, kind: "manual" })).rejects.toThrow(/does not match kind/);
  });
});
