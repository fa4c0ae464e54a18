import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScheduleOverlapPolicy } from "@temporalio/client";
import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { CommerceClient } from "@voltura/medusa-client";
import { OPERATIONS_SCHEDULE_IDS, type OperationsActivities } from "@voltura/workflows";
import { createOperationsActivities } from "../activities/operations.js";
import { ensureOperationsSchedules, temporalScheduleControl } from "../operations-schedules.js";
import { OperationsWorld } from "./operations-world.js";
import { eventually } from "./repair-flows-harness.js";
import { createTemporalTestEnv } from "./temporal-test-env.js";
import { bundleWorkflows, runWorker } from "./test-worker.js";

// A namespace of its own: the schedule ids are fixed, and other stacks may share this server.
const NAMESPACE = "voltura-operations-it";
const KL = "Asia/Kuala_Lumpur";

let env: TestWorkflowEnvironment;
let taskQueue: string;
let world: OperationsWorld;
let stop: () => Promise<void>;

const deleteAll = () => Promise.all(OPERATIONS_SCHEDULE_IDS.map((id) => env.client.schedule.getHandle(id).delete().catch(() => undefined)));

beforeAll(async () => {
  process.env.TEMPORAL_NAMESPACE = NAMESPACE;
  env = await createTemporalTestEnv();
  taskQueue = `operations-schedules-it-${randomUUID()}`;
  world = new OperationsWorld(async () => Date.now(), OPERATIONS_SCHEDULE_IDS);
  const workflowBundle = await bundleWorkflows();
  ({ stop } = await runWorker({ connection: env.nativeConnection, namespace: NAMESPACE, taskQueue, activities: world.activities(), workflowBundle }));
  await deleteAll();
});

afterAll(async () => {
  if (env) await deleteAll();
  await stop?.();
  await env?.teardown();
});

const ensure = () => ensureOperationsSchedules({ connection: env.client.connection, namespace: NAMESPACE, taskQueue, timeZone: KL, settings: { backupHour: 5, restoreTestWeekday: 3 } });
const shopTime = (at: Date) => new Intl.DateTimeFormat("en-GB", { timeZone: KL, weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false }).format(at);

describe("operations schedules on a Temporal server", () => {
  it("creates the six schedules once, then brings them in line: shop times, SKIP, catch-up windows", async () => {
    expect(Object.values(await ensure())).toEqual(Array(6).fill("created"));
    expect(Object.values(await ensure())).toEqual(Array(6).fill("updated"));
    const described = Object.fromEntries(await Promise.all(OPERATIONS_SCHEDULE_IDS.map(async (id) => [id, await env.client.schedule.getHandle(id).describe()] as const)));
    for (const d of Object.values(described)) {
      expect(d.spec.timezone).toBe(KL);
      expect(d.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
      expect(d.policies.catchupWindow).toBeGreaterThanOrEqual(30 * 60_000);
      expect(d.action).toMatchObject({ type: "startWorkflow", taskQueue });
    }
    expect(described["backup-daily"]!.action).toMatchObject({ workflowType: "runBackup", args: [{ kind: "daily", requestedBy: "schedule:backup-daily", timeZone: KL }] });
    expect(shopTime(described["backup-daily"]!.info.nextActionTimes[0]!)).toMatch(/05:00$/);
    expect(shopTime(described["restore-test-weekly"]!.info.nextActionTimes[0]!)).toBe("Wed 04:00");
    expect(shopTime(described["optimise-weekly"]!.info.nextActionTimes[0]!)).toBe("Sun 04:30");
    expect(shopTime(described["audit-chain-daily"]!.info.nextActionTimes[0]!)).toMatch(/02:45$/);
    expect(shopTime(described["archive-daily"]!.info.nextActionTimes[0]!)).toMatch(/03:30$/);
    const hourly = described["backup-freshness"]!.info.nextActionTimes.slice(0, 2);
    expect(hourly[1]!.getTime() - hourly[0]!.getTime()).toBe(3_600_000);
    expect(described["backup-daily"]!.policies.catchupWindow).toBe(6 * 3_600_000);
  });

  it("a restore holds the schedules it paused and releases only those; a start leaves pause states alone", async () => {
    const schedules = temporalScheduleControl(env.client.connection, NAMESPACE, { taskQueue, timeZone: KL });
    await env.client.schedule.getHandle("archive-daily").pause("owner: archive off for the audit");
    const commerce = new CommerceClient({ baseUrl: "http://127.0.0.1:9", jwtSecret: "unit-test-secret-0123456789", actor: { id: "system:temporal-worker", role: "system" } });
    const activities: OperationsActivities = createOperationsActivities(commerce, { dbOps: { error: "not needed" }, schedules, bloatThreshold: 0.3 });

    const held = await activities.pauseOperationsSchedules({ runId: "rr_it1" });
    expect(held).toEqual(OPERATIONS_SCHEDULE_IDS.filter((id) => id !== "archive-daily"));
    await ensure(); // a worker restart during the restore must not unpause
    for (const id of OPERATIONS_SCHEDULE_IDS) expect((await env.client.schedule.getHandle(id).describe()).state.paused).toBe(true);

    expect(await activities.unpauseOperationsSchedules({ runId: "rr_it1", scheduleIds: held })).toEqual(held);
    for (const id of held) expect((await env.client.schedule.getHandle(id).describe()).state.paused).toBe(false);
    expect((await env.client.schedule.getHandle("archive-daily").describe()).state).toMatchObject({ paused: true, note: "owner: archive off for the audit" });
    await env.client.schedule.getHandle("archive-daily").unpause();
  });

  it("moves the backup hour and restore-test weekday when the settings change, and only then", async () => {
    const schedules = temporalScheduleControl(env.client.connection, NAMESPACE, { taskQueue, timeZone: KL });
    expect(await schedules.align({ backupHour: 5, restoreTestWeekday: 3 })).toEqual([]);
    await env.client.schedule.getHandle("restore-test-weekly").pause("paused by restore rr_x");
    expect(await schedules.align({ backupHour: 1, restoreTestWeekday: 2 })).toEqual(["backup-daily", "restore-test-weekly"]);
    const backup = await env.client.schedule.getHandle("backup-daily").describe();
    const restoreTest = await env.client.schedule.getHandle("restore-test-weekly").describe();
    expect(shopTime(backup.info.nextActionTimes[0]!)).toMatch(/01:00$/);
    expect(shopTime(restoreTest.info.nextActionTimes[0]!)).toBe("Tue 04:00");
    expect(restoreTest.state).toMatchObject({ paused: true, note: "paused by restore rr_x" }); // a restore's hold survives
    expect(backup.action).toMatchObject({ workflowType: "runBackup", args: [{ kind: "daily", requestedBy: "schedule:backup-daily", timeZone: KL }] });
    expect(await schedules.align({ backupHour: 1, restoreTestWeekday: 2 })).toEqual([]);
    await env.client.schedule.getHandle("restore-test-weekly").unpause();
  });

  it("runs the backup workflow when backup-daily fires", async () => {
    await env.client.schedule.getHandle("backup-daily").trigger();
    await eventually(async () => expect(world.called("recordBackup")).toHaveLength(1), 30_000);
    expect(world.called("createBackup")[0]!.input).toMatchObject({ kind: expect.stringMatching(/^(daily|weekly)$/), backupId: expect.stringMatching(/^bk-\d{8}T\d{6}Z-(daily|weekly)$/) });
  });
});
