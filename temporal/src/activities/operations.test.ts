import { describe, expect, it } from "vitest";
import { MockActivityEnvironment } from "@temporalio/testing";
import { ApplicationFailure } from "@temporalio/activity";
import type { BackupRecord, DbOpsConfig, ExternalTarget, RestoreStep } from "@voltura/db-ops";
import { CommerceClient } from "@voltura/medusa-client";
import { OPERATIONS_SCHEDULE_IDS } from "@voltura/workflows";
import { createOperationsActivities, type DbOpsApi } from "./operations.js";
import { resolveExternalTarget, type ScheduleControl } from "./operations-support.js";

const SETTINGS = {
  backup_hour: 3, daily_retention_days: 14, external_retention_weeks: 8, restore_test_weekday: 0, external_endpoint: null, external_region: null,
  external_bucket: null as string | null, external_prefix: null, external_force_path_style: true, updated_at: null, updated_by: null,
};

/** db-ops with only the given calls: any other call fails the test. */
function fakeDbOps(calls: Partial<DbOpsApi>): DbOpsApi {
  const unexpected = (name: string) => async (): Promise<never> => { throw new Error(`db-ops ${name} was not expected here`); };
  return {
    createBackup: unexpected("createBackup"), copyToExternal: unexpected("copyToExternal"), applyRetention: unexpected("applyRetention"),
    listBackups: unexpected("listBackups"), verifyBackup: unexpected("verifyBackup"), restoreStep: unexpected("restoreStep"),
    optimiseDatabase: unexpected("optimiseDatabase"), recordRestoreFailure: unexpected("recordRestoreFailure"),
    ...calls,
  };
}

function fakeCommerce(routes: Record<string, (body: unknown) => { status: number; body: unknown }>) {
  const seen: Array<{ key: string; body: unknown }> = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const key = `${init?.method ?? "GET"} ${new URL(String(input)).pathname}`;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    seen.push({ key, body });
    const answer = routes[key]?.(body) ?? { status: 404, body: { type: "not_found", message: key } };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return { commerce: new CommerceClient({ baseUrl: "http://commerce", jwtSecret: "unit-test-secret-0123456789", actor: { id: "system:temporal-worker", role: "system" }, fetch: fetchImpl }), seen };
}

const CFG: DbOpsConfig = { databaseUrl: "postgres://x@h/db", backupDir: "/b", uploadsDir: "/u", keysFile: "/k", appVersion: "0.1.0", external: null };
const RECORD: BackupRecord = {
  backupId: "bk-20261207T030000Z-weekly", kind: "weekly", startedAt: "2026-12-07T03:00:00.000Z", finishedAt: "2026-12-07T03:01:00.000Z", bytes: 10,
  sha256: "a".repeat(64), keyId: "b-1", appVersion: "0.1.0", tableCount: 1, rowCount: 2, uploadCount: 0, local: true, external: false,
};

function fakeSchedules(initial: Record<string, { paused: boolean; note?: string }>): ScheduleControl & { state: typeof initial } {
  const state = { ...initial };
  return {
    state,
    describe: async (id) => (state[id] ? { paused: state[id]!.paused, note: state[id]!.note } : null),
    pause: async (id, note) => { state[id] = { paused: true, note }; },
    unpause: async (id, note) => { state[id] = { paused: false, note }; },
    align: async () => [],
  };
}

/** What commerce answers to a recorded restore test (the client parses it). */
function recordedTest(body: Record<string, unknown>) {
  const at = "2026-12-07T04:00:00.000Z";
  return {
    restore_test: { id: "rt_1", backup_id: body.backupId, ok: body.ok, started_at: at, finished_at: at, created_at: at,
      result: { migrationsOk: body.migrationsOk, tablesChecked: body.tablesChecked, uploadsChecked: body.uploadsChecked, mismatches: body.mismatches } },
    backup: {
      id: body.backupId, kind: "weekly", status: "completed", started_at: at, finished_at: at, bytes: 10, sha256: "a".repeat(64), key_id: "b-1", app_version: "0.1.0",
      table_count: 1, row_count: 2, upload_count: 0, local: true, external: false, external_copied_at: null, verification: body.ok ? "verified" : "failed",
      verified_at: at, error: null, requested_by: null, created_at: at, updated_at: at,
    },
  };
}

const run = <T>(fn: () => Promise<T>) => new MockActivityEnvironment().run(fn);
const failureOf = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe("operations activities", () => {
  it("pauses only the schedules nobody else paused, and unpauses only its own", async () => {
    const schedules = fakeSchedules(Object.fromEntries(OPERATIONS_SCHEDULE_IDS.map((id) => [id, { paused: id === "archive-daily", note: id === "archive-daily" ? "owner: archive off" : undefined }])));
    const { commerce } = fakeCommerce({});
    const a = createOperationsActivities(commerce, { dbOps: CFG, schedules, bloatThreshold: 0.3 }, {} as DbOpsApi);
    const held = await a.pauseOperationsSchedules({ runId: "rr_1" });
    expect(held).toEqual(OPERATIONS_SCHEDULE_IDS.filter((id) => id !== "archive-daily"));
    expect(await a.pauseOperationsSchedules({ runId: "rr_1" })).toEqual(held); // a retried pause holds the same
    expect(Object.values(schedules.state).every((s) => s.paused)).toBe(true);
    expect(await a.unpauseOperationsSchedules({ runId: "rr_1", scheduleIds: [...held, "archive-daily"] })).toEqual(held);
    expect(schedules.state["archive-daily"]).toEqual({ paused: true, note: "owner: archive off" });
    expect(schedules.state["backup-daily"]!.paused).toBe(false);
  });

  it("records a corrupt backup's restore test as failed under its key instead of erroring", async () => {
    const { commerce, seen } = fakeCommerce({
      "GET /admin/operations/settings": () => ({ status: 200, body: { settings: SETTINGS } }),
      "POST /admin/operations/backups/bk-20261207T030000Z-weekly/verifications": (body) => ({ status: 201, body: recordedTest(body as Record<string, unknown>) }),
    });
    const corrupt = Object.assign(new Error("chunk 3: authentication tag mismatch"), { name: "BackupCorruptError" });
    const api = fakeDbOps({ verifyBackup: async () => { throw corrupt; } });
    const a = createOperationsActivities(commerce, { dbOps: CFG, schedules: fakeSchedules({}), bloatThreshold: 0.3 }, api);
    const result = await run(() => a.runRestoreTest({ backupId: RECORD.backupId, idempotencyKey: `restore-test:${RECORD.backupId}` }));
    expect(result).toEqual({ backupId: RECORD.backupId, ok: false, tablesChecked: 0, uploadsChecked: 0, mismatches: ["backup unreadable: chunk 3: authentication tag mismatch"] });
    const posted = seen.find((s) => s.key.endsWith("/verifications"))!.body as Record<string, unknown>;
    expect(posted).toMatchObject({ idempotency_key: `restore-test:${RECORD.backupId}`, backupId: RECORD.backupId, ok: false, mismatches: ["backup unreadable: chunk 3: authentication tag mismatch"] });
  });

  it("turns a restore refusal into a failure that is not retried, naming its code", async () => {
    const { commerce } = fakeCommerce({});
    const refusal = Object.assign(new Error("the backup is from 0.2.0, this app is 0.1.0"), { name: "RestoreRefusedError", code: "backup_newer_than_app" });
    const api = fakeDbOps({ restoreStep: async () => { throw refusal; } });
    const a = createOperationsActivities(commerce, { dbOps: CFG, schedules: fakeSchedules({}), bloatThreshold: 0.3 }, api);
    const err = await failureOf(run(() => a.runRestoreStep({ runId: "rr_1", backupId: RECORD.backupId, mode: "restore", requestedBy: "o", step: "verify" })));
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: "RestoreRefused", nonRetryable: true, message: "backup_newer_than_app: the backup is from 0.2.0, this app is 0.1.0" });
  });

  it("writes the failed step onto the run before rolling back, when db-ops offers it", async () => {
    const { commerce } = fakeCommerce({});
    const seen: string[] = [];
    const api = fakeDbOps({
      recordRestoreFailure: async (_c: unknown, _r: unknown, step: RestoreStep, error: string) => { seen.push(`failure ${step}: ${error}`); },
      restoreStep: async (_c: unknown, _r: unknown, step: RestoreStep) => { seen.push(step); return { step, ok: true, status: "rolled_back", message: "rolled back" }; },
    });
    const a = createOperationsActivities(commerce, { dbOps: CFG, schedules: fakeSchedules({}), bloatThreshold: 0.3 }, api);
    await run(() => a.runRestoreStep({ runId: "rr_1", backupId: RECORD.backupId, mode: "restore", requestedBy: "o", step: "rollback", failure: { step: "swap", message: "disk full" } }));
    expect(seen).toEqual(["failure swap: disk full", "rollback"]);
  });

  it("applies the settings' retention and makes the catalog the storage's list", async () => {
    const { commerce, seen } = fakeCommerce({
      "GET /admin/operations/settings": () => ({ status: 200, body: { settings: SETTINGS } }),
      "POST /admin/operations/backups/sync": () => ({ status: 200, body: { upserted: 1, deleted: 1 } }),
    });
    const policies: unknown[] = [];
    const api = fakeDbOps({
      applyRetention: async (_cfg: unknown, policy: unknown) => { policies.push(policy); return { deletedLocal: ["bk-old"], deletedExternal: [] }; },
      listBackups: async () => [RECORD],
    });
    const a = createOperationsActivities(commerce, { dbOps: CFG, schedules: fakeSchedules({}), bloatThreshold: 0.3 }, api);
    expect(await run(() => a.applyBackupRetention({ atIso: "2026-12-07T03:05:00.000Z" }))).toEqual({ deletedLocal: ["bk-old"], deletedExternal: [] });
    expect(policies).toEqual([{ dailyDays: 14, externalWeeks: 8 }]);
    expect(seen.find((s) => s.key === "POST /admin/operations/backups/sync")!.body).toEqual({ backups: [{ ...RECORD, status: "completed" }] });
  });

  it("fails without retrying when the worker has no backup configuration, naming the variable", async () => {
    const { commerce } = fakeCommerce({});
    const a = createOperationsActivities(commerce, { dbOps: { error: "BACKUP_DIR is required" }, schedules: fakeSchedules({}), bloatThreshold: 0.3 }, {} as DbOpsApi);
    const err = await failureOf(run(() => a.createBackup({ backupId: RECORD.backupId, kind: "weekly" })));
    expect(err).toMatchObject({ nonRetryable: true, type: "OperationsNotConfigured", message: expect.stringContaining("BACKUP_DIR is required") });
  });

  it("retries commerce in maintenance (503) but not a refusal (400)", async () => {
    const answers = [{ status: 503, body: { type: "maintenance_mode", message: "restoring" } }, { status: 400, body: { type: "invalid_data", message: "kind" } }];
    for (const [i, answer] of answers.entries()) {
      const { commerce } = fakeCommerce({ "POST /admin/operations/alerts": () => answer });
      const a = createOperationsActivities(commerce, { dbOps: CFG, schedules: fakeSchedules({}), bloatThreshold: 0.3 }, {} as DbOpsApi);
      const err = await failureOf(a.raiseOperationsAlert({ key: "k", kind: "backup_failed", message: "m" }));
      expect(err instanceof ApplicationFailure && err.nonRetryable).toBe(i === 1);
    }
  });
});

describe("archive activities", () => {
  it("calls the archive run with the day's key until commerce says done, summing what moved", async () => {
    let call = 0;
    const run = (batches: number) => ({ id: "arun_1", idempotency_key: "archive:2026-12-07", status: "running", cutoff: "2024-12-07T00:00:00.000Z", counts: {}, batches, requested_by: null, started_at: "2026-12-07T03:30:00.000Z", finished_at: null, error: null });
    const { commerce, seen } = fakeCommerce({
      "POST /admin/archive/runs": () => {
        call++;
        return { status: 200, body: { run: run(call), done: call === 3, replayed: call > 1, moved: call === 3 ? {} : { repair_job: 100, pos_sale: 20 } } };
      },
    });
    const a = createOperationsActivities(commerce, { dbOps: CFG, schedules: fakeSchedules({}), bloatThreshold: 0.3 }, {} as DbOpsApi);
    expect(await new MockActivityEnvironment().run(() => a.runArchive({ idempotencyKey: "archive:2026-12-07" }))).toEqual({ runId: "arun_1", moved: 240, batches: 3 });
    expect(seen.map((s) => s.body)).toEqual(Array(3).fill({ idempotency_key: "archive:2026-12-07" }));
  });
});

describe("resolveExternalTarget", () => {
  const env: ExternalTarget = { endpoint: "http://minio:9000", region: "us-east-1", bucket: "env-bucket", prefix: "voltura-backups/", accessKeyId: "ENVKEY", secretAccessKey: "ENVSECRET", forcePathStyle: true };
  const vault = (values: Record<string, string>) => async (name: string) => values[name] ?? null;

  it("uses env's target when the settings name no bucket", async () => {
    expect(await resolveExternalTarget(env, { ...SETTINGS }, vault({}))).toBe(env);
    expect(await resolveExternalTarget(null, null, vault({}))).toBeNull();
  });

  it("uses the console's bucket with the vault's keys when env has none", async () => {
    const settings = { ...SETTINGS, external_bucket: "shop-bucket", external_endpoint: "https://s3.example.my", external_prefix: "shop/", external_force_path_style: false };
    const target = await resolveExternalTarget(null, settings, vault({ backup_s3_access_key_id: "VAULTKEY", backup_s3_secret_access_key: "VAULTSECRET" }));
    expect(target).toEqual({ endpoint: "https://s3.example.my", region: "us-east-1", bucket: "shop-bucket", prefix: "shop/", accessKeyId: "VAULTKEY", secretAccessKey: "VAULTSECRET", forcePathStyle: false });
    expect((await resolveExternalTarget(env, settings, vault({})))!.accessKeyId).toBe("ENVKEY");
  });

  it("refuses a console bucket without keys anywhere, naming both places", async () => {
    const err = await resolveExternalTarget(null, { ...SETTINGS, external_bucket: "shop-bucket" }, vault({})).catch((e: unknown) => e);
    expect(err).toMatchObject({ nonRetryable: true, message: expect.stringMatching(/backup_s3_access_key_id.*BACKUP_S3_ACCESS_KEY_ID/) });
  });
});
