import { describe, expect, it } from "vitest";
import { ConfigError, loadOperationsConfig } from "./config.js";

const ENV = {
  BACKUP_DATABASE_URL: "postgres://voltura:voltura@127.0.0.1:55432/voltura", BACKUP_DIR: "/var/backups/voltura", UPLOADS_DIR: "/app/static",
  VOLTURA_KEYS_FILE: "/keys/voltura-keys.json", VOLTURA_APP_VERSION: "1.4.0",
};

describe("loadOperationsConfig", () => {
  it("reads db-ops' configuration and the bloat threshold", () => {
    const config = loadOperationsConfig({ ...ENV, BACKUP_S3_BUCKET: "shop-backups", BACKUP_S3_ENDPOINT: "http://minio:9000", BACKUP_S3_ACCESS_KEY_ID: "k", BACKUP_S3_SECRET_ACCESS_KEY: "s", OPTIMISE_BLOAT_THRESHOLD: "0.4" });
    expect(config.bloatThreshold).toBe(0.4);
    expect(config.dbOps).toMatchObject({ backupDir: "/var/backups/voltura", appVersion: "1.4.0", external: { bucket: "shop-backups", forcePathStyle: true } });
    expect(loadOperationsConfig(ENV).bloatThreshold).toBe(0.3);
  });

  it("keeps the worker running without it, with the reason naming the variable", () => {
    const { BACKUP_DIR: _omit, ...withoutDir } = ENV;
    expect(loadOperationsConfig(withoutDir).dbOps).toEqual({ error: expect.stringContaining("BACKUP_DIR") });
    expect(loadOperationsConfig({ ...ENV, BACKUP_S3_BUCKET: "shop-backups" }).dbOps).toEqual({ error: expect.stringContaining("BACKUP_S3_ACCESS_KEY_ID") });
  });

  it("refuses a bloat threshold outside 0..1", () => {
    expect(() => loadOperationsConfig({ ...ENV, OPTIMISE_BLOAT_THRESHOLD: "30" })).toThrow(ConfigError);
  });
});
