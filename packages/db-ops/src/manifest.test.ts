import { describe, expect, it } from "vitest";
import { dbOpsConfigFromEnv } from "./config.js";
import { compareFingerprints } from "./fingerprint.js";
import { backupSidecarSchema, isBackupId, manifestOf, newBackupId, parseBackupId, recordFromSidecar, type BackupManifest } from "./manifest.js";
import { diffMigrations } from "./migrations-list.js";
import { partsMismatches } from "./open-backup.js";

const sha = (c: string) => c.repeat(64);
const manifest: BackupManifest = {
  format: "voltura-backup/1", backupId: "bk-20261207T030000Z-daily", kind: "daily", appVersion: "0.1.0",
  migrations: ["Migration20261207010000", "link:cart_promotion"],
  tables: [{ schema: "public", table: "customer", rows: 3, checksum: "-12" }, { schema: "archive", table: "job", rows: 0, checksum: "0" }],
  uploads: [{ path: "jobs/j1/a.jpg", bytes: 3, sha256: sha("a") }],
  startedAt: "2026-12-07T03:00:00.000Z", finishedAt: "2026-12-07T03:00:09.000Z", keyId: "b-1", database: "voltura",
  dump: { bytes: 10, sha256: sha("d") },
};

describe("backup ids", () => {
  it("formats and parses bk-<UTC stamp>-<kind>", () => {
    const id = newBackupId("pre_restore", new Date("2026-12-07T03:04:05.678Z"));
    expect(id).toBe("bk-20261207T030405Z-pre_restore");
    expect(parseBackupId(id)).toEqual({ at: new Date("2026-12-07T03:04:05Z"), kind: "pre_restore" });
    expect(isBackupId(id)).toBe(true);
    expect(isBackupId("bk-20261207T030405Z-hourly")).toBe(false);
    expect(isBackupId("../../etc/passwd")).toBe(false);
  });
});

describe("sidecar", () => {
  it("keeps the file facts beside the manifest and gives a record", () => {
    const sidecar = backupSidecarSchema.parse(JSON.parse(JSON.stringify({ ...manifest, file: { bytes: 99, sha256: sha("f") } })));
    expect(manifestOf(sidecar)).toEqual(manifest);
    expect(recordFromSidecar(sidecar, { local: true, external: false })).toMatchObject({
      backupId: manifest.backupId, bytes: 99, tableCount: 2, rowCount: 3, uploadCount: 1, local: true, external: false,
    });
  });
  it("refuses a sidecar without file facts", () => {
    expect(backupSidecarSchema.safeParse(manifest).success).toBe(false);
  });
});

describe("compareFingerprints", () => {
  it("names missing, extra, count and checksum differences", () => {
    const actual = [
      { schema: "public", table: "customer", rows: 3, checksum: "-13" },
      { schema: "public", table: "extra", rows: 1, checksum: "5" },
    ];
    const result = compareFingerprints(actual, manifest.tables);
    expect(result.ok).toBe(false);
    expect(result.mismatches).toEqual([
      "public.customer: checksum differs with the same 3 rows",
      "archive.job: table missing (manifest has 0 rows)",
      "public.extra: table not in the manifest (1 rows)",
    ]);
    expect(compareFingerprints(manifest.tables, manifest.tables)).toEqual({ ok: true, mismatches: [] });
  });
});

describe("partsMismatches", () => {
  it("checks the dump and every upload against the manifest", () => {
    expect(partsMismatches(manifest, manifest.dump!, manifest.uploads)).toEqual([]);
    expect(partsMismatches(manifest, { bytes: 10, sha256: sha("e") }, [{ path: "x.jpg", bytes: 1, sha256: sha("b") }])).toEqual([
      "database.dump does not match the manifest's sha256", "upload jobs/j1/a.jpg is missing", "upload x.jpg is not in the manifest",
    ]);
    expect(partsMismatches({ ...manifest, dump: undefined }, null, manifest.uploads)).toEqual(["the manifest does not record the database dump's sha256"]);
  });
});

describe("diffMigrations", () => {
  it("lists what is missing and extra", () => {
    expect(diffMigrations(["a", "c"], ["a", "b"])).toEqual({ missing: ["b"], extra: ["c"] });
  });
});

describe("dbOpsConfigFromEnv", () => {
  const base = { BACKUP_DATABASE_URL: "postgres://u:p@localhost:5432/voltura", BACKUP_DIR: "/var/backups", UPLOADS_DIR: "/srv/static", VOLTURA_KEYS_FILE: "/k.json", VOLTURA_APP_VERSION: "1.2.3" };
  it("reads the local target and no external one", () => {
    expect(dbOpsConfigFromEnv(base)).toEqual({ databaseUrl: base.BACKUP_DATABASE_URL, backupDir: "/var/backups", uploadsDir: "/srv/static", keysFile: "/k.json", appVersion: "1.2.3", external: null });
  });
  it("reads the external target, path-style by default with an endpoint", () => {
    const cfg = dbOpsConfigFromEnv({ ...base, BACKUP_S3_ENDPOINT: "http://minio:9000", BACKUP_S3_BUCKET: "shop-backups", BACKUP_S3_ACCESS_KEY_ID: "a", BACKUP_S3_SECRET_ACCESS_KEY: "s" });
    expect(cfg.external).toEqual({ endpoint: "http://minio:9000", region: "us-east-1", bucket: "shop-backups", prefix: "voltura-backups/", accessKeyId: "a", secretAccessKey: "s", forcePathStyle: true });
  });
  it("names the variable that is wrong", () => {
    expect(() => dbOpsConfigFromEnv({ ...base, VOLTURA_KEYS_FILE: "" })).toThrow(/VOLTURA_KEYS_FILE/);
    expect(() => dbOpsConfigFromEnv({ ...base, BACKUP_S3_BUCKET: "shop-backups" })).toThrow(/BACKUP_S3_ACCESS_KEY_ID/);
    expect(() => dbOpsConfigFromEnv({ ...base, BACKUP_DATABASE_URL: "mysql://x" })).toThrow(/BACKUP_DATABASE_URL/);
    expect(() => dbOpsConfigFromEnv({ ...base, VOLTURA_APP_VERSION: "latest" })).toThrow(/VOLTURA_APP_VERSION/);
  });
  it("takes the app version from the root package.json when not set", () => {
    const { VOLTURA_APP_VERSION: _omit, ...rest } = base;
    expect(dbOpsConfigFromEnv(rest).appVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
