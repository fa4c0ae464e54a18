// The real operations activities (@voltura/db-ops) behind the workflows: a weekly backup of a real
// PostgreSQL database and uploads folder, copied to a real S3-compatible server (s3rver) with the
// keys the vault holds, then the restore test of it. Commerce is a recorder (its routes are tested
// in commerce's own suites).
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker, type WorkflowBundle } from "@temporalio/worker";
import { databaseUrlFor, dropDatabaseIfExists, listBackups, withClient, type DbOpsConfig } from "@voltura/db-ops";
import { createKeyRingFile } from "@voltura/keyring";
import { OPERATIONS_WORKFLOWS, type RunBackupResult, type VerifyBackupResult } from "@voltura/workflows";
import S3rver from "s3rver";
import { createOperationsActivities } from "../activities/operations.js";
import { recordedCommerce } from "./operations-fake-commerce.js";
import { createTemporalTestEnv } from "./temporal-test-env.js";
import { bundleWorkflows, runWorker } from "./test-worker.js";

const SERVER_URL = process.env.DB_OPS_TEST_DATABASE_URL ?? "postgres://voltura:voltura@127.0.0.1:55432/postgres";
const NAMESPACE = "voltura-operations-real-it";
const BUCKET = "shop-backups";

let env: TestWorkflowEnvironment;
let root: string;
let s3: S3rver;
let s3Endpoint: string;
let cfg: DbOpsConfig;
let sourceDb: string;
let fake: ReturnType<typeof recordedCommerce>;
let taskQueue: string;
let stop: () => Promise<void>;
let workflowBundle: WorkflowBundle;

beforeAll(async () => {
  root = await fs.promises.mkdtemp(path.join(os.tmpdir(), "ops-temporal-it-"));
  sourceDb = `voltura_ops_it_${randomBytes(4).toString("hex")}`;
  await withClient(SERVER_URL, (c) => c.query(`CREATE DATABASE "${sourceDb}"`));
  await withClient(databaseUrlFor(SERVER_URL, sourceDb), (c) => c.query(`
    CREATE TABLE public.mikro_orm_migrations (id serial PRIMARY KEY, name varchar(255), executed_at timestamptz DEFAULT now());
    INSERT INTO public.mikro_orm_migrations (name) VALUES ('Migration20261207010000');
    CREATE TABLE public.repair_job (id text PRIMARY KEY, status text NOT NULL, total_sen integer NOT NULL);
    INSERT INTO public.repair_job SELECT 'job_' || g, CASE WHEN g % 3 = 0 THEN 'completed' ELSE 'in_progress' END, g * 100 FROM generate_series(1, 500) g;`));
  const uploadsDir = path.join(root, "uploads");
  await fs.promises.mkdir(path.join(uploadsDir, "jobs"), { recursive: true });
  await fs.promises.writeFile(path.join(uploadsDir, "jobs", "before.jpg"), randomBytes(40_000));
  await fs.promises.writeFile(path.join(uploadsDir, "logo.png"), randomBytes(2_000));

  s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: path.join(root, "s3"), configureBuckets: [{ name: BUCKET }] });
  const { port } = await s3.run();
  s3Endpoint = `http://127.0.0.1:${port}`;
  // Env names no external target: the console's settings do, with the keys in the vault.
  cfg = { databaseUrl: databaseUrlFor(SERVER_URL, sourceDb), backupDir: path.join(root, "backups"), uploadsDir, keysFile: createKeyRingFile(path.join(root, "keys.json")), appVersion: "0.1.0", external: null };
  fake = recordedCommerce({
    settings: {
      backup_hour: 3, daily_retention_days: 30, external_retention_weeks: 12, restore_test_weekday: 0, external_endpoint: s3Endpoint,
      external_region: "us-east-1", external_bucket: BUCKET, external_prefix: "voltura/", external_force_path_style: true,
    },
    vault: { backup_s3_access_key_id: "S3RVER", backup_s3_secret_access_key: "S3RVER" },
  });

  process.env.TEMPORAL_NAMESPACE = NAMESPACE;
  env = await createTemporalTestEnv();
  taskQueue = `operations-real-it-${randomUUID()}`;
  workflowBundle = await bundleWorkflows();
  const activities = createOperationsActivities(fake.commerce, {
    dbOps: cfg, bloatThreshold: 0.3,
    schedules: { describe: async () => null, pause: async () => undefined, unpause: async () => undefined, align: async () => [] },
  });
  ({ stop } = await runWorker({ connection: env.nativeConnection, namespace: NAMESPACE, taskQueue, activities, workflowBundle }));
}, 180_000);

afterAll(async () => {
  await stop?.();
  await env?.teardown();
  await s3?.close();
  if (sourceDb) await dropDatabaseIfExists(SERVER_URL, sourceDb);
  if (root) await fs.promises.rm(root, { recursive: true, force: true });
});

const requests = (method: string, pathPattern: RegExp) => fake.seen.filter((r) => r.method === method && pathPattern.test(r.path));

describe("real activities: weekly backup → external copy → retention → restore test", () => {
  let backupId: string;

  it("takes the weekly backup, copies it to the bucket with the vault's keys and records it", async () => {
    const handle = await env.client.workflow.start(OPERATIONS_WORKFLOWS.runBackup.workflowType, {
      taskQueue, workflowId: `backup-real-${randomUUID()}`, args: [{ kind: "weekly", requestedBy: "staff_owner" }],
    });
    const result = await handle.result() as RunBackupResult;
    backupId = result.backup.backupId;
    expect(backupId).toMatch(/^bk-\d{8}T\d{6}Z-weekly$/);
    expect(result.backup).toMatchObject({ kind: "weekly", rowCount: 501, uploadCount: 2, external: true });
    expect(result.externalKey).toBe(`voltura/${backupId}.vsbk`);
    expect(result.retention).toEqual({ deletedLocal: [], deletedExternal: [] });
    expect(fs.existsSync(path.join(cfg.backupDir, `${backupId}.vsbk`))).toBe(true);

    // The bucket holds it (listed from storage with the same target the activity used).
    const stored = await listBackups({ ...cfg, external: { endpoint: s3Endpoint, region: "us-east-1", bucket: BUCKET, prefix: "voltura/", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true } });
    expect(stored.find((b) => b.backupId === backupId)).toMatchObject({ local: true, external: true, sha256: result.backup.sha256 });

    const recorded = requests("POST", /^\/admin\/operations\/backups$/).map((r) => r.body!);
    expect(recorded).toEqual([expect.objectContaining({ backupId, status: "completed", sha256: result.backup.sha256, requestedBy: "staff_owner" })]);
    const synced = requests("POST", /\/backups\/sync$/).at(-1)!.body!.backups as Array<Record<string, unknown>>;
    expect(synced.find((b) => b.backupId === backupId)).toMatchObject({ external: true, local: true });
    expect(requests("GET", /\/admin\/vault\/secrets\/backup_s3_(access_key_id|secret_access_key)\/value$/).length).toBeGreaterThanOrEqual(2);
    await Worker.runReplayHistory({ workflowBundle }, await handle.fetchHistory(), handle.workflowId);
  });

  it("restore-tests the newest backup in a scratch database and records it as verified", async () => {
    const handle = await env.client.workflow.start(OPERATIONS_WORKFLOWS.verifyBackup.workflowType, {
      taskQueue, workflowId: `verify-real-${randomUUID()}`, args: [{}],
    });
    const result = await handle.result() as VerifyBackupResult;
    expect(result).toMatchObject({ backupId, ok: true, mismatches: [], uploadsChecked: 2 });
    expect((result as { tablesChecked: number }).tablesChecked).toBeGreaterThanOrEqual(2);
    const posted = requests("POST", /\/verifications$/).at(-1)!;
    expect(posted.path).toBe(`/admin/operations/backups/${backupId}/verifications`);
    expect(posted.body).toMatchObject({ idempotency_key: `restore-test:${backupId}:${handle.workflowId}`, ok: true, migrationsOk: true });
    const scratch = await withClient(SERVER_URL, async (c) => (await c.query("SELECT datname FROM pg_database WHERE datname LIKE 'voltura\\_verify\\_%'")).rows);
    expect(scratch).toEqual([]);
  });
});
