import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, WorkflowFailedError } from "@temporalio/client";
import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker, type WorkflowBundle } from "@temporalio/worker";
import {
  OPERATIONS_SCHEDULE_IDS, OPERATIONS_WORKFLOWS, operationsShopWeekday,
  type BackupFreshnessResult, type RestoreBackupInput, type RunBackupResult, type VerifyBackupResult,
} from "@voltura/workflows";
import { operationsScheduleOptions } from "../operations-schedules.js";
import { OperationsWorld } from "./operations-world.js";
import { DAY } from "./repair-flows-harness.js";
import { createTimeSkippingTestEnv } from "./time-skipping-env.js";
import { bundleWorkflows, runWorker } from "./test-worker.js";

const KL = "Asia/Kuala_Lumpur";
const HOUR = 3_600_000;

let env: TestWorkflowEnvironment;
/**
 * A client that leaves the test server's clock alone: awaiting a result through `env.client`
 * lets the server skip to its next timer, which after a finished workflow is years away. Time
 * moves here only by `env.sleep` (and while `env.client` awaits a workflow that retries).
 */
let plain: Client;
let taskQueue: string;
let world: OperationsWorld;
let stop: () => Promise<void>;
let workflowBundle: WorkflowBundle;

beforeAll(async () => {
  env = await createTimeSkippingTestEnv();
  plain = new Client({ connection: env.connection, namespace: env.namespace ?? "default" });
  taskQueue = `operations-it-${randomUUID()}`;
  world = new OperationsWorld(() => env.currentTimeMs(), OPERATIONS_SCHEDULE_IDS);
  workflowBundle = await bundleWorkflows();
  ({ stop } = await runWorker({ connection: env.nativeConnection, taskQueue, activities: world.activities(), workflowBundle }));
});

afterAll(async () => {
  await stop?.();
  await env?.teardown();
});

/** Starts a workflow the way its schedule does (same type and arguments). */
function scheduled(scheduleId: string) {
  const options = operationsScheduleOptions(taskQueue, KL, { backupHour: 3, restoreTestWeekday: world.restoreTestWeekday });
  const action = options.find((o) => o.scheduleId === scheduleId)!.action as { workflowType: string; args: unknown[] };
  return plain.workflow.start(action.workflowType, { taskQueue, workflowId: `${scheduleId}-${randomUUID()}`, args: action.args });
}

/** The failure a workflow ended with (its own ApplicationFailure message). */
async function failureOf(result: Promise<unknown>): Promise<string> {
  const err = await result.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(WorkflowFailedError);
  return (err as WorkflowFailedError).cause?.message ?? "";
}

async function replay(handle: { workflowId: string; fetchHistory(): Promise<unknown> }) {
  await Worker.runReplayHistory({ workflowBundle }, (await handle.fetchHistory()) as never, handle.workflowId);
}

function reset() {
  world.calls.length = 0;
  world.alerts.length = 0;
  world.resolved.length = 0;
  world.restoreCalls.length = 0;
  world.backups.length = 0;
  world.backupFailure = null;
  world.failingStep = null;
  world.restoreTestMismatches = [];
  world.createAttempts = 0;
}

describe("backup-daily over a week (time skipping)", () => {
  it("takes one backup a day; the one on the restore-test weekday is weekly, copied outside and followed by retention", async () => {
    reset();
    const start = await env.currentTimeMs();
    world.restoreTestWeekday = (operationsShopWeekday(start, KL) + 3) % 7;
    const results: RunBackupResult[] = [];
    for (let day = 0; day < 7; day++) {
      const handle = await scheduled("backup-daily");
      results.push(await handle.result());
      if (day === 0) await replay(handle);
      await env.sleep("1 day");
    }
    expect(await env.currentTimeMs() - start).toBeGreaterThanOrEqual(7 * DAY);
    expect(results.map((r) => r.backup.kind)).toEqual(["daily", "daily", "daily", "weekly", "daily", "daily", "daily"]);
    const weekly = results[3]!;
    expect(weekly.backup.backupId).toMatch(/^bk-\d{8}T\d{6}Z-weekly$/);
    expect(operationsShopWeekday(Date.parse(weekly.backup.finishedAt), KL)).toBe(world.restoreTestWeekday);
    expect(weekly.externalKey).toBe(`voltura-backups/${weekly.backup.backupId}.vsbk`);
    expect(weekly.backup.external).toBe(true);
    expect(world.called("copyBackupToExternal").map((c) => c.input)).toEqual([{ backupId: weekly.backup.backupId }]);
    expect(world.called("applyBackupRetention")).toHaveLength(1);
    // Daily ones: recorded, never copied, no retention.
    for (const daily of results.filter((r) => r.backup.kind === "daily")) expect(daily).toMatchObject({ externalKey: null, retention: null });
    expect(world.called("recordBackup")).toHaveLength(7);
    expect(world.called("recordBackup")[0]!.input).toMatchObject({ requestedBy: "schedule:backup-daily" });
    expect(new Set(results.map((r) => r.backup.backupId)).size).toBe(7);
    expect(world.alerts).toEqual([]);
  });
});

describe("backup-freshness (time skipping)", () => {
  it("raises backup_stale once after 26 h without a completed backup, not at 25 h, and resolves it after the next backup", async () => {
    reset();
    const newest = world.addCompletedBackup("daily", await env.currentTimeMs());
    await env.sleep(25 * HOUR);
    const at25 = await (await scheduled("backup-freshness")).result() as BackupFreshnessResult;
    expect(at25.stale).toBe(false);
    expect(at25.ageHours).toBeGreaterThanOrEqual(25);
    expect(world.alerts).toEqual([]);

    await env.sleep(2 * HOUR);
    const handle = await scheduled("backup-freshness");
    const at27 = await handle.result() as BackupFreshnessResult;
    expect(at27.stale).toBe(true);
    expect(world.alerts).toEqual([{ key: `backup_stale:${newest.finishedAt}`, kind: "backup_stale", message: expect.stringMatching(/finished 27 h ago \(more than 26 h\)/) }]);
    await replay(handle);

    await env.sleep(HOUR);
    await (await scheduled("backup-freshness")).result();
    expect(world.alerts).toHaveLength(1); // same incident, same key: no second WhatsApp
    expect(world.called("raiseOperationsAlert")).toHaveLength(2);

    await (await scheduled("backup-daily")).result();
    await (await scheduled("backup-freshness")).result();
    expect(world.resolved.filter((k) => k === "backup_stale").length).toBeGreaterThanOrEqual(2);
    expect(world.called("alignOperationsSchedules")).toHaveLength(4); // each hourly run applies changed settings to the schedules
  });
});

describe("alerts", () => {
  it("a failed backup raises backup_failed after its retries and fails the run", async () => {
    reset();
    world.backupFailure = "pg_dump failed (exit 1): connection refused";
    const handle = await env.client.workflow.start(OPERATIONS_WORKFLOWS.runBackup.workflowType, {
      taskQueue, workflowId: `backup-${randomUUID()}`, args: [{ kind: "manual", backupId: "bk-20261207T010000Z-manual", requestedBy: "staff_owner" }],
    });
    expect(await failureOf(handle.result())).toMatch(/^Backup bk-20261207T010000Z-manual failed: pg_dump failed/);
    expect(world.createAttempts).toBe(3);
    expect(world.alerts).toEqual([{ key: "backup_failed:bk-20261207T010000Z-manual", kind: "backup_failed", message: expect.stringContaining("pg_dump failed (exit 1)") }]);
    expect(world.called("recordBackupFailure")[0]!.input).toMatchObject({ backupId: "bk-20261207T010000Z-manual", kind: "manual", error: expect.stringContaining("pg_dump") });
    expect(world.called("recordBackup")).toEqual([]);
    await replay(handle);
  });

  it("a failed restore test raises restore_test_failed; a passing one resolves it", async () => {
    reset();
    const backup = world.addCompletedBackup("weekly", await env.currentTimeMs());
    world.restoreTestMismatches = ["public.repair_job: 10 rows, manifest says 11"];
    const handle = await scheduled("restore-test-weekly");
    const failed = await handle.result() as VerifyBackupResult;
    expect(failed).toMatchObject({ backupId: backup.backupId, ok: false });
    expect(world.called("runRestoreTest")[0]!.input).toEqual({ backupId: backup.backupId, idempotencyKey: `restore-test:${backup.backupId}:${handle.workflowId}` });
    expect(world.alerts).toEqual([{ key: `restore_test_failed:${backup.backupId}`, kind: "restore_test_failed", message: expect.stringContaining("public.repair_job: 10 rows") }]);
    expect(world.resolved).not.toContain("restore_test_failed");
    await replay(handle);

    world.restoreTestMismatches = [];
    expect(await (await scheduled("restore-test-weekly")).result()).toMatchObject({ ok: true });
    expect(world.resolved).toContain("restore_test_failed");
  });
});

describe("restoreBackup", () => {
  const input = (mode: RestoreBackupInput["mode"]): RestoreBackupInput => ({ runId: `rr_${randomUUID().slice(0, 8)}`, backupId: "bk-20261207T030000Z-daily", mode, requestedBy: "staff_owner" });
  const start = (i: RestoreBackupInput) => env.client.workflow.start(OPERATIONS_WORKFLOWS.restoreBackup.workflowType, { taskQueue, workflowId: OPERATIONS_WORKFLOWS.restoreBackup.workflowId(i.runId), args: [i] });
  const steps = (runId: string) => world.restoreCalls.filter((c) => c.runId === runId).map((c) => c.step);

  it("runs Discourse's order with the schedules paused from maintenance on until after resume", async () => {
    reset();
    const i = input("restore");
    const handle = await start(i);
    expect(await handle.result()).toMatchObject({ status: "completed", done: ["check", "maintenance_on", "restore_new_database", "verify", "swap", "resume"] });
    const order = world.calls.map((c) => c.name === "runRestoreStep" ? (c.input as { step: string }).step : c.name);
    expect(order).toEqual(["runRestoreStep", "pauseOperationsSchedules", "maintenance_on", "restore_new_database", "verify", "swap", "resume", "unpauseOperationsSchedules"].map((s) => (s === "runRestoreStep" ? "check" : s)));
    expect(world.paused.size).toBe(0);
    await replay(handle);
  });

  it("rolls back when a step after the swap fails, then unpauses the schedules", async () => {
    reset();
    world.failingStep = { step: "resume", refusal: false };
    const i = input("restore");
    const handle = await start(i);
    expect(await failureOf(handle.result())).toMatch(/rolled back: resume: resume broke/);
    expect(steps(i.runId)).toEqual(["check", "maintenance_on", "restore_new_database", "verify", "swap", "resume", "resume", "resume", "rollback"]);
    expect(world.restoreCalls.at(-1)).toMatchObject({ step: "rollback", failure: { step: "resume", message: "resume broke" } });
    expect(world.called("unpauseOperationsSchedules")[0]!.input).toEqual({ runId: i.runId, scheduleIds: OPERATIONS_SCHEDULE_IDS });
    expect(world.paused.size).toBe(0);
    await replay(handle);
  });

  it("a failure before the swap ends failed (new database dropped by rollback), schedules unpaused", async () => {
    reset();
    world.failingStep = { step: "verify", refusal: false };
    const i = input("restore");
    expect(await failureOf((await start(i)).result())).toMatch(/failed: verify: verify broke/);
    expect(steps(i.runId)).toEqual(["check", "maintenance_on", "restore_new_database", "verify", "verify", "verify", "rollback"]);
    expect(world.restoreCalls.at(-1)).toMatchObject({ step: "rollback", failure: { step: "verify", message: "verify broke" } });
    expect(world.called("unpauseOperationsSchedules")).toHaveLength(1);
    expect(world.paused.size).toBe(0);
  });

  it("does not retry a refusal (a newer backup): rollback at once, nothing paused", async () => {
    reset();
    world.failingStep = { step: "check", refusal: true };
    const i = input("restore");
    expect(await failureOf((await start(i)).result())).toMatch(/failed: check: backup_newer_than_app/);
    expect(steps(i.runId)).toEqual(["check", "rollback"]);
    expect(world.called("pauseOperationsSchedules")).toEqual([]);
  });

  it("a copy never pauses the shop: check, restore, verify, neutralise", async () => {
    reset();
    const i = input("copy");
    expect(await (await start(i)).result()).toMatchObject({ status: "completed" });
    expect(steps(i.runId)).toEqual(["check", "restore_new_database", "verify", "neutralise_copy"]);
    expect(world.called("pauseOperationsSchedules")).toEqual([]);
  });
});

describe("optimise, audit chain, archive", () => {
  it("key their runs by the shop's day", async () => {
    reset();
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: KL }).format(new Date(await env.currentTimeMs()));
    expect(await (await scheduled("optimise-weekly")).result()).toMatchObject({ ok: true, idempotencyKey: `optimise:${day}` });
    expect(await (await scheduled("archive-daily")).result()).toEqual({ idempotencyKey: `archive:${day}`, runId: "arun_1", moved: 120, auditMoved: 7 });
    expect(await (await scheduled("audit-chain-daily")).result()).toMatchObject({ ok: true });
    expect(world.resolved).toContain("audit_chain_broken");
  });

  it("a broken audit chain raises audit_chain_broken naming the first broken row", async () => {
    reset();
    world.auditChain = { ok: false, checked: 1200, firstBroken: { id: "audit_01J", seq: 734 } };
    expect(await (await scheduled("audit-chain-daily")).result()).toMatchObject({ ok: false });
    expect(world.alerts).toEqual([{ key: "audit_chain_broken:audit_01J", kind: "audit_chain_broken", message: expect.stringContaining("#734") }]);
    world.auditChain = { ok: true, checked: 10, firstBroken: null };
  });
});
