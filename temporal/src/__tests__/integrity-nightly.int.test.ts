import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScheduleOverlapPolicy } from "@temporalio/client";
import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker, type WorkflowBundle } from "@temporalio/worker";
import { INTEGRITY_NIGHTLY, integrityShopDay, type IntegrityActivities, type integrityNightly } from "@voltura/workflows";
import { ensureIntegritySchedule } from "../integrity-schedule.js";
import { eventually } from "./repair-flows-harness.js";
import { createTemporalTestEnv } from "./temporal-test-env.js";
import { bundleWorkflows, runWorker } from "./test-worker.js";

// A namespace of its own: the schedule id is fixed, and other stacks may share this server.
const NAMESPACE = "voltura-integrity-it";

let env: TestWorkflowEnvironment;
let taskQueue: string;
let stop: () => Promise<void>;
let workflowBundle: WorkflowBundle;
const calls: Array<{ idempotencyKey: string; shopDay: string }> = [];

const activities: IntegrityActivities = {
  async runIntegrityCheck(input) {
    calls.push(input);
    return { runId: `irun_${calls.length}`, ok: false, replayed: calls.filter((c) => c.idempotencyKey === input.idempotencyKey).length > 1, failedChecks: ["pos_sales_complete"] };
  },
};

beforeAll(async () => {
  process.env.TEMPORAL_NAMESPACE = NAMESPACE;
  env = await createTemporalTestEnv();
  taskQueue = `integrity-it-${randomUUID()}`;
  workflowBundle = await bundleWorkflows();
  ({ stop } = await runWorker({ connection: env.nativeConnection, namespace: NAMESPACE, taskQueue, activities, workflowBundle }));
});

afterAll(async () => {
  await env?.client.schedule.getHandle(INTEGRITY_NIGHTLY.scheduleId).delete().catch(() => undefined);
  await stop?.();
  await env?.teardown();
});

describe("integrity-nightly", () => {
  it("creates the schedule once, then brings it in line at the next start (02:30 shop time, SKIP, 1 h catch-up)", async () => {
    await env.client.schedule.getHandle(INTEGRITY_NIGHTLY.scheduleId).delete().catch(() => undefined);
    const options = { connection: env.client.connection, namespace: NAMESPACE, taskQueue, timeZone: "Asia/Kuala_Lumpur" };
    expect(await ensureIntegritySchedule(options)).toBe("created");
    expect(await ensureIntegritySchedule(options)).toBe("updated");
    const described = await env.client.schedule.getHandle(INTEGRITY_NIGHTLY.scheduleId).describe();
    expect(described.spec.timezone).toBe("Asia/Kuala_Lumpur");
    expect(described.spec.calendars?.[0]?.hour?.[0]).toMatchObject({ start: 2 });
    expect(described.spec.calendars?.[0]?.minute?.[0]).toMatchObject({ start: 30 });
    expect(described.policies).toMatchObject({ overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: 3_600_000 });
    expect(described.action).toMatchObject({ type: "startWorkflow", workflowType: "integrityNightly", taskQueue });
    const next = described.info.nextActionTimes[0]!;
    expect(new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Kuala_Lumpur", hour: "2-digit", minute: "2-digit", hour12: false }).format(next)).toBe("02:30");
  });

  it("runs the workflow when the schedule fires: one activity call keyed by the shop's day", async () => {
    await env.client.schedule.getHandle(INTEGRITY_NIGHTLY.scheduleId).trigger();
    await eventually(async () => expect(calls).toHaveLength(1));
    const day = integrityShopDay(Date.now(), "Asia/Kuala_Lumpur");
    expect(calls[0]).toEqual({ idempotencyKey: `integrity-nightly:${day}`, shopDay: day });
  });

  it("returns the outcome with the day, and replays deterministically", async () => {
    const handle = await env.client.workflow.start<typeof integrityNightly>(INTEGRITY_NIGHTLY.workflowType, {
      taskQueue, workflowId: `integrity-nightly-it-${randomUUID()}`, args: [{ timeZone: "UTC" }],
    });
    const result = await handle.result();
    const day = integrityShopDay(Date.now(), "UTC");
    expect(result).toMatchObject({ ok: false, failedChecks: ["pos_sales_complete"], shopDay: day });
    await Worker.runReplayHistory({ workflowBundle }, await handle.fetchHistory(), handle.workflowId);
  });
});
