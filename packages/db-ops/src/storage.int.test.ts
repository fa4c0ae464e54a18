import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pipeline } from "node:stream/promises";
import { loadKeyRing } from "@voltura/keyring";
import { hashFile, packPayload } from "./archive-format.js";
import { createEncryptStream } from "./stream-crypto.js";
import { createBackup } from "./backup.js";
import { externalClient, headObject, listKeys, uploadFile, downloadObject } from "./external-s3.js";
import { backupSidecarSchema, newBackupId, type BackupKind, type BackupSidecar } from "./manifest.js";
import { openBackup } from "./open-backup.js";
import { withClient } from "./pg.js";
import { applyRetention, planRetention } from "./retention.js";
import { copyToExternal, externalKeys, fetchBackupFile, listBackups, localPaths, readManifest } from "./storage.js";
import { verifyBackup } from "./verify.js";
import { createFixture, SERVER_URL, type Fixture } from "./int-fixture.test-helpers.js";

let fx: Fixture;
let goodId: string;
beforeAll(async () => {
  fx = await createFixture();
  goodId = newBackupId("weekly", new Date());
  await createBackup(fx.cfg, { backupId: goodId, kind: "weekly" });
});
afterAll(async () => { await fx?.close(); });

const verifyDatabases = () => withClient(SERVER_URL, async (c) =>
  (await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'voltura\\_verify\\_%'")).rows.map((r) => r.datname));

describe("external copy (s3rver)", () => {
  it("copies once (HEAD first), lists it, and fetches it back byte for byte", async () => {
    expect(await copyToExternal(fx.cfg, goodId)).toEqual({ key: `voltura/${goodId}.vsbk`, copied: true });
    expect(await copyToExternal(fx.cfg, goodId)).toEqual({ key: `voltura/${goodId}.vsbk`, copied: false });
    const listed = (await listBackups(fx.cfg)).find((b) => b.backupId === goodId);
    expect(listed).toMatchObject({ local: true, external: true });

    const elsewhere = { ...fx.cfg, backupDir: path.join(fx.root, "other-machine") };
    expect((await listBackups(elsewhere)).map((b) => [b.backupId, b.local, b.external])).toEqual([[goodId, false, true]]);
    expect((await readManifest(elsewhere, goodId)).backupId).toBe(goodId);
    const fetched = await fetchBackupFile(elsewhere, goodId);
    expect(fetched).toBe(localPaths(elsewhere, goodId).file);
    expect((await hashFile(fetched)).sha256).toBe(listed!.sha256);
    const opened = await openBackup(elsewhere, goodId, path.join(fx.root, "work", "fetched"));
    expect(opened.manifest.backupId).toBe(goodId);
  });

  it("uploads large files in parts and reads them back intact", async () => {
    const file = path.join(fx.root, "big.bin");
    fs.writeFileSync(file, crypto.randomBytes(11 * 1024 * 1024 + 123));
    const client = externalClient(fx.target);
    await uploadFile(client, fx.target.bucket, "voltura/tests/big.bin", file, { partBytes: 5 * 1024 * 1024 });
    expect((await headObject(client, fx.target.bucket, "voltura/tests/big.bin"))?.bytes).toBe(11 * 1024 * 1024 + 123);
    await downloadObject(client, fx.target.bucket, "voltura/tests/big.bin", `${file}.back`);
    expect((await hashFile(`${file}.back`)).sha256).toBe((await hashFile(file)).sha256);
  });
});

describe("retention", () => {
  it("deletes exactly the planned copies, locally and in the bucket", async () => {
    const now = new Date("2027-03-01T03:30:00Z");
    const cfg = { ...fx.cfg, backupDir: path.join(fx.root, "retention"), external: { ...fx.target, prefix: "retention/" } };
    fs.mkdirSync(cfg.backupDir, { recursive: true });
    const source = JSON.parse(fs.readFileSync(localPaths(fx.cfg, goodId).sidecar, "utf8")) as BackupSidecar;
    const plant = async (kind: BackupKind, ageDays: number, where: { local: boolean; external: boolean }) => {
      const at = new Date(now.getTime() - ageDays * 86_400_000);
      const id = newBackupId(kind, at);
      const sidecar = backupSidecarSchema.parse({ ...source, backupId: id, kind, startedAt: at.toISOString(), finishedAt: at.toISOString() });
      const text = JSON.stringify(sidecar);
      const paths = localPaths(cfg, id);
      fs.writeFileSync(paths.file, fs.readFileSync(localPaths(fx.cfg, goodId).file));
      fs.writeFileSync(paths.sidecar, text);
      if (where.external) await copyToExternal(cfg, id);
      if (!where.local) { fs.rmSync(paths.file); fs.rmSync(paths.sidecar); }
      return id;
    };
    const ids = {
      d1: await plant("daily", 1, { local: true, external: false }),
      d29: await plant("daily", 29, { local: true, external: false }),
      d31: await plant("daily", 31, { local: true, external: false }),
      p3: await plant("pre_restore", 3, { local: true, external: false }),
      w7: await plant("weekly", 7, { local: true, external: true }),
      w42: await plant("weekly", 42, { local: true, external: true }),
      w91: await plant("weekly", 91, { local: false, external: true }),
      m60: await plant("manual", 60, { local: true, external: false }),
    };
    const before = await listBackups(cfg);
    expect(before).toHaveLength(8);
    const plan = planRetention(before, { dailyDays: 30, externalWeeks: 12 }, now);
    expect(plan).toEqual({ deleteLocal: [ids.d31, ids.w42, ids.m60], deleteExternal: [ids.w91] });

    expect(await applyRetention(cfg, { dailyDays: 30, externalWeeks: 12 }, now)).toEqual({ deletedLocal: plan.deleteLocal, deletedExternal: plan.deleteExternal });
    const after = await listBackups(cfg);
    expect(after.map((b) => [b.backupId, b.local, b.external]).sort()).toEqual([
      [ids.d1, true, false], [ids.d29, true, false], [ids.p3, true, false], [ids.w7, true, true], [ids.w42, false, true],
    ].sort());
    expect(fs.readdirSync(cfg.backupDir).sort()).toEqual([ids.d1, ids.d29, ids.p3, ids.w7].flatMap((id) => [`${id}.manifest.json`, `${id}.vsbk`]).sort());
    const keys = await listKeys(externalClient(cfg.external), cfg.external.bucket, cfg.external.prefix);
    expect(keys.sort()).toEqual([ids.w7, ids.w42].flatMap((id) => Object.values(externalKeys(cfg.external, id))).sort());
    expect(await applyRetention(cfg, { dailyDays: 30, externalWeeks: 12 }, now)).toEqual({ deletedLocal: [], deletedExternal: [] });
  });
});

describe("restore test (verifyBackup)", () => {
  it("passes on a good backup and drops its scratch database", async () => {
    const before = await verifyDatabases();
    const result = await verifyBackup(fx.cfg, goodId);
    console.log("verify figures", { bytes: result.bytes, ...result.timings });
    expect(result).toMatchObject({ backupId: goodId, ok: true, migrationsOk: true, mismatches: [], warnings: [] });
    expect(result.tablesChecked).toBeGreaterThanOrEqual(6);
    expect(result.uploadsChecked).toBe(6);
    expect(await verifyDatabases()).toEqual(before);
  });

  it("fails, naming the damage, on a backup with one flipped byte", async () => {
    const id = newBackupId("manual", new Date(Date.now() - 3_600_000));
    const record = await createBackup(fx.cfg, { backupId: id, kind: "manual" });
    const file = localPaths(fx.cfg, id).file;
    const bytes = fs.readFileSync(file);
    const middle = Math.floor(record.bytes / 2);
    bytes[middle] = bytes[middle]! ^ 0x20;
    fs.writeFileSync(file, bytes);
    const before = await verifyDatabases();
    const result = await verifyBackup(fx.cfg, id);
    expect(result.ok).toBe(false);
    expect(result.mismatches).toEqual([expect.stringMatching(/altered or damaged: chunk \d+ fails authentication/)]);
    expect(await verifyDatabases()).toEqual(before);
  });

  it("fails, naming migrations and tables, when the restored database does not match the inner manifest", async () => {
    // A backup written by a faulty writer: a genuine payload whose inner manifest claims one more migration and other counts.
    const work = path.join(fx.root, "work", "rewrite");
    const opened = await openBackup(fx.cfg, goodId, work);
    const manifest = { ...opened.manifest, backupId: newBackupId("manual", new Date(Date.now() - 7_200_000)), kind: "manual" as const };
    manifest.migrations = [...manifest.migrations, "Migration20991231000000"];
    manifest.tables = manifest.tables.map((t) => (t.table === "job" && t.schema === "public" ? { ...t, rows: t.rows + 1 } : t));
    fs.writeFileSync(path.join(work, "manifest.json"), JSON.stringify(manifest));
    fs.rmSync(path.join(work, "uploads"), { recursive: true });
    fs.symlinkSync(fx.cfg.uploadsDir, path.join(work, "uploads"), "dir");
    const { id: keyId, key } = loadKeyRing({ file: fx.cfg.keysFile }).current("backup");
    const paths = localPaths(fx.cfg, manifest.backupId);
    await pipeline(packPayload(work, manifest.uploads.map((u) => u.path)), createEncryptStream(key, keyId), fs.createWriteStream(paths.file));
    fs.writeFileSync(paths.sidecar, JSON.stringify({ ...manifest, file: await hashFile(paths.file) }));

    const result = await verifyBackup(fx.cfg, manifest.backupId);
    expect(result).toMatchObject({ ok: false, migrationsOk: false });
    expect(result.mismatches).toEqual([
      "migrations missing after restore: Migration20991231000000",
      expect.stringMatching(/^public\.job: \d+ rows, manifest has \d+$/),
    ]);
  });

  it("trusts the inner manifest over a tampered sidecar, and rewrites the sidecar", async () => {
    const sidecarFile = localPaths(fx.cfg, goodId).sidecar;
    const sidecar = JSON.parse(fs.readFileSync(sidecarFile, "utf8")) as BackupSidecar;
    const honestRows = sidecar.tables[0]!.rows;
    sidecar.tables[0]!.rows += 1000;
    fs.writeFileSync(sidecarFile, JSON.stringify(sidecar));
    const result = await verifyBackup(fx.cfg, goodId);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([expect.stringMatching(/disagreed with the backup's inner manifest and was rewritten/)]);
    expect((await readManifest(fx.cfg, goodId)).tables[0]!.rows).toBe(honestRows);
  });
});
