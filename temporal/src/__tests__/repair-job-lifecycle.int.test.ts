import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApplicationFailure, WorkflowFailedError, type WorkflowHandleWithFirstExecutionRunId } from "@temporalio/client";
import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker, type WorkflowBundle } from "@temporalio/worker";
import { REPAIR_LIFECYCLE, type StatusChange } from "@voltura/domain";
import { CommerceClient } from "@voltura/medusa-client";
import {
  historyQuery,
  INVALID_INPUT_FAILURE,
  statusChangedSignal,
  type repairJobLifecycle,
} from "@voltura/workflows";
import { createActivities } from "../activities/index.js";
import { createRepairWorker } from "../worker.js";
import { createTemporalTestEnv } from "./temporal-test-env.js";
import { bundleWorkflows } from "./test-worker.js";

// Bundled from source, so the tests exercise the workflow code as it is now, not a stale dist/.
// A queue of our own, so a worker already polling voltura-repair on a shared server gets no tasks.
const taskQueue = `voltura-repair-it-${randomUUID()}`;

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundle;
let worker: Worker | undefined;
let workerRun: Promise<void> | undefined;

beforeAll(async () => {
  env = await createTemporalTestEnv();
  workflowBundle = await bundleWorkflows();
  // Never called yet: the lifecycle workflow has no activities.
  const commerce = new CommerceClient({
    baseUrl: "http://127.0.0.1:9",
    jwtSecret: "integration-tests-only-secret",
    actor: { id: "system:temporal-worker", role: "system" },
  });
  worker = await createRepairWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? "default",
    taskQueue,
    workflows: { workflowBundle },
    activities: createActivities({ commerce }),
  });
  workerRun = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await workerRun;
  await env?.teardown();
});

const startOfDay = Date.UTC(2026, 2, 1, 9, 0, 0);
function change(
  from: StatusChange["from"],
  to: StatusChange["to"],
  second: number,
  note: string | null = null,
): StatusChange {
  const changedAt = new Date(startOfDay + second * 1000).toISOString();
  return { from, to, note, changedBy: "user_tech", changedAt };
}
const received = change(null, "pending", 0, "Cracked screen");

async function startJob(initial: StatusChange = received): Promise<WorkflowHandleWithFirstExecutionRunId<typeof repairJobLifecycle>> {
  const jobNumber = `IT-${randomUUID()}`;
  return env.client.workflow.start<typeof repairJobLifecycle>(REPAIR_LIFECYCLE.workflowType, {
    taskQueue,
    workflowId: REPAIR_LIFECYCLE.workflowId(jobNumber),
    args: [{ jobId: `rj_${jobNumber}`, jobNumber, initial }],
  });
}

describe("repairJobLifecycle", () => {
  it("records status changes in order and answers the history query", async () => {
    const handle = await startJob();
    const started = change("pending", "in_progress", 60);
    const waiting = change("in_progress", "awaiting_parts", 120, "Screen ordered");
    await handle.signal(statusChangedSignal, started);
    await handle.signal(statusChangedSignal, waiting);

    const summary = await handle.query(historyQuery);
    expect(summary.jobNumber).toBe(handle.workflowId.replace(/^job-/, ""));
    expect(summary.status).toBe("awaiting_parts");
    expect(summary.history).toEqual([received, started, waiting]);
    expect((await handle.describe()).status.name).toBe("RUNNING");
    await handle.terminate("test done");
  });

  it("ignores a duplicate signal and an invalid one", async () => {
    const handle = await startJob();
    const started = change("pending", "in_progress", 60);
    await handle.signal(statusChangedSignal, started);
    await handle.signal(statusChangedSignal, { ...started });
    // Deliberately malformed payload, as a client outside TypeScript could send it: the workflow must ignore it.
    await handle.signal(statusChangedSignal, { ...started, to: "exploded" } as unknown as StatusChange);

    const summary = await handle.query(historyQuery);
    expect(summary.history).toEqual([received, started]);
    await handle.terminate("test done");
  });

  it("completes when a final status arrives, and still answers the query", async () => {
    const handle = await startJob();
    const cancelled = change("pending", "cancelled", 90, "Customer changed their mind");
    await handle.signal(statusChangedSignal, cancelled);

    const result = await handle.result();
    expect(result).toEqual({
      jobId: `rj_${handle.workflowId.replace(/^job-/, "")}`,
      jobNumber: handle.workflowId.replace(/^job-/, ""),
      status: "cancelled",
      history: [received, cancelled],
    });
    expect((await handle.describe()).status.name).toBe("COMPLETED");
    expect((await handle.query(historyQuery)).status).toBe("cancelled");
  });

  it("fails without retrying when started with a bad input", async () => {
    const jobNumber = `IT-${randomUUID()}`;
    const handle = await env.client.workflow.start(REPAIR_LIFECYCLE.workflowType, {
      taskQueue,
      workflowId: REPAIR_LIFECYCLE.workflowId(jobNumber),
      args: [{ jobId: "", jobNumber, initial: { ...received, to: "exploded" } }],
      retry: { maximumAttempts: 3 },
    });

    const failure = await handle.result().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe(INVALID_INPUT_FAILURE);
    expect((cause as ApplicationFailure).nonRetryable).toBe(true);
    expect(cause?.message).toMatch(/Too small.*\n.*at jobId/);
    expect((await handle.describe()).status.name).toBe("FAILED");
  });

  it("replays a finished run's history without non-determinism", async () => {
    const handle = await startJob();
    const started = change("pending", "in_progress", 60);
    await handle.signal(statusChangedSignal, started);
    await handle.signal(statusChangedSignal, { ...started });
    await handle.signal(statusChangedSignal, change("in_progress", "completed", 600));
    await handle.signal(statusChangedSignal, change("completed", "delivered", 900));
    expect((await handle.result()).status).toBe("delivered");

    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle }, history, handle.workflowId)).resolves.toBeUndefined();
  });

  it("continues as new on a long history and keeps every change", async () => {
    const handle = await startJob();
    const firstRun = env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
    const expected: StatusChange[] = [received];
    const statuses = ["in_progress", "awaiting_parts"] as const;

    let continued = false;
    while (!continued && expected.length < 2_000) {
      for (let i = 0; i < 50; i++) {
        const n = expected.length;
        const next = change(expected[n - 1]?.to ?? "pending", statuses[n % 2] ?? "in_progress", n * 60);
        await handle.signal(statusChangedSignal, next);
        expected.push(next);
      }
      continued = (await firstRun.describe()).status.name === "CONTINUED_AS_NEW";
    }
    expect(continued).toBe(true);

    // The handle follows the latest run, which received the carried history.
    await handle.signal(statusChangedSignal, { ...expected[1]! });
    const summary = await handle.query(historyQuery);
    expect(summary.history).toEqual(expected);

    const delivered = change(expected.at(-1)?.to ?? null, "delivered", 999_999);
    await handle.signal(statusChangedSignal, delivered);
    expect((await handle.result()).history).toEqual([...expected, delivered]);
  });
});
