import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker } from "@temporalio/worker";
import { CONVERSATION, type ConversationInput } from "@voltura/domain";
import { conversationStateQuery, handoffOpenedSignal, inboundSignal, staffRepliedSignal } from "@voltura/workflows";
import { conversationActivities, eventually } from "./conversation-harness.js";
import { createTimeSkippingTestEnv, timeSkippingServerPath } from "./time-skipping-env.js";

const workflowsPath = fileURLToPath(new URL("./fixtures/conversation-workflows.ts", import.meta.url));
const taskQueue = `conversation-escalation-${randomUUID()}`;
const MINUTE = 60_000;

let env: TestWorkflowEnvironment;
let worker: Worker;
let workerRun: Promise<void>;
const harness = conversationActivities({ escalateAfterMs: 15 * MINUTE, managerPhones: ["+60123450099", "+60123450098"] });

/** The Java test server may take longer than the SDK's 5 s to start on a busy machine: try again. */
async function startTimeSkipping(attempts = 3): Promise<TestWorkflowEnvironment> {
  for (let i = 1; ; i++) {
    try {
      // The first call also installs the Runtime (logger); later ones only start the server.
      if (i === 1) return await createTimeSkippingTestEnv();
      return await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: "existing-path", path: timeSkippingServerPath() } } });
    } catch (error) {
      if (i >= attempts || !/did not start/.test(String(error))) throw error;
    }
  }
}

beforeAll(async () => {
  env = await startTimeSkipping();
  worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: harness.activities });
  workerRun = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await workerRun;
  await env?.teardown();
});

async function startChat(phone: string) {
  const input: ConversationInput = { phone };
  return env.client.workflow.signalWithStart(CONVERSATION.workflowType, {
    taskQueue,
    workflowId: CONVERSATION.workflowId(phone),
    args: [input],
    signal: inboundSignal,
    signalArgs: [{ messageId: `wamid.${randomUUID()}`, body: "nak cakap dengan orang", receivedAt: new Date().toISOString(), customerId: null, sessionId: "wa_sess_sim" }],
  });
}

const alertsFor = (handoffId: string) => harness.sent.filter((s) => s.context?.kind === "alert" && s.context.ref === handoffId);

describe("conversation workflow: handoff escalation (time skipping)", () => {
  it("escalates an unanswered handoff once, after the configured minutes, to every manager", async () => {
    const handle = await startChat("+60191110001");
    const state = await eventually(async () => {
      const s = await handle.query(conversationStateQuery);
      expect(s.handoff).not.toBeNull();
      return s;
    });
    const handoffId = state.handoff!.handoffId;

    await env.sleep(14 * MINUTE);
    expect(alertsFor(handoffId)).toHaveLength(0);
    await env.sleep(2 * MINUTE);
    await eventually(() => expect(alertsFor(handoffId).map((s) => s.to)).toEqual(["+60123450099", "+60123450098"]));
    expect(alertsFor(handoffId)[0]).toMatchObject({ idempotencyKey: `escalate:${handoffId}:+60123450099`, body: `Unanswered handoff ${handoffId}` });

    await env.sleep(60 * MINUTE);
    expect(alertsFor(handoffId)).toHaveLength(2);
    expect(harness.escalated.filter((id) => id === handoffId)).toHaveLength(1);
    expect((await handle.query(conversationStateQuery)).handoff?.escalated).toBe(true);
    await handle.terminate("test done");
  });

  it("a staff reply resets the timer: no escalation while staff keep answering", async () => {
    const handle = await startChat("+60191110002");
    const { handoff } = await eventually(async () => {
      const s = await handle.query(conversationStateQuery);
      expect(s.handoff).not.toBeNull();
      return s;
    });
    const handoffId = handoff!.handoffId;

    for (let i = 0; i < 3; i++) {
      await env.sleep(10 * MINUTE);
      const now = new Date(await env.currentTimeMs()).toISOString();
      await handle.signal(staffRepliedSignal, { at: now, handoffId });
    }
    await env.sleep(10 * MINUTE);
    expect(alertsFor(handoffId)).toHaveLength(0);
    await env.sleep(10 * MINUTE);
    await eventually(() => expect(alertsFor(handoffId)).toHaveLength(2));
    await handle.terminate("test done");
  });

  it("a handoff opened by another flow (quote escalation) also quiets the bot and escalates", async () => {
    const phone = "+60191110003";
    const handle = await startChat(phone);
    await eventually(async () => expect((await handle.query(conversationStateQuery)).answered).toBe(1));
    const openedAt = new Date(await env.currentTimeMs()).toISOString();
    // Same handoff id as the one the chat already has: deduplicated, the clock is not restarted.
    const current = (await handle.query(conversationStateQuery)).handoff!;
    await handle.signal(handoffOpenedSignal, { handoffId: current.handoffId, openedAt, escalateAfterMs: 5 * MINUTE });
    expect((await handle.query(conversationStateQuery)).handoff).toMatchObject({ handoffId: current.handoffId, escalateAfterMs: 15 * MINUTE });
    await env.sleep(16 * MINUTE);
    await eventually(() => expect(alertsFor(current.handoffId)).toHaveLength(2));
    await handle.terminate("test done");
  });
});
