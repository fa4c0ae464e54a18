import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker } from "@temporalio/worker";
import type { sleepForDays } from "./fixtures/sleepy-workflows.js";
import { createTimeSkippingTestEnv } from "./time-skipping-env.js";

const workflowsPath = fileURLToPath(new URL("./fixtures/sleepy-workflows.ts", import.meta.url));
const taskQueue = `time-skipping-${randomUUID()}`;

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await createTimeSkippingTestEnv();
});

afterAll(async () => {
  await env?.teardown();
});

describe("the time-skipping test server", () => {
  it("runs a 30-day sleep in seconds", async () => {
    expect(env.supportsTimeSkipping).toBe(true);
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath });
    const wallClockStart = Date.now();
    const slept = await worker.runUntil(
      env.client.workflow.execute<typeof sleepForDays>("sleepForDays", {
        taskQueue,
        workflowId: `sleep-${randomUUID()}`,
        args: [30],
      }),
    );
    expect(slept).toBeGreaterThanOrEqual(30 * 24 * 3_600_000);
    expect(Date.now() - wallClockStart).toBeLessThan(30_000);
  });
});
