import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker, type WorkflowBundle } from "@temporalio/worker";
import { HANDOFF_TEXT } from "@voltura/conversation";
import { CONVERSATION, type ConversationInbound, type ConversationInput } from "@voltura/domain";
import { conversationStateQuery, handoffClosedSignal, inboundSignal, staffRepliedSignal } from "@voltura/workflows";
import { conversationActivities, eventually } from "./conversation-harness.js";
import { createTemporalTestEnv } from "./temporal-test-env.js";
import { bundleWorkflows } from "./test-worker.js";

const workflowsPath = fileURLToPath(new URL("./fixtures/conversation-workflows.ts", import.meta.url));
const taskQueue = `conversation-it-${randomUUID()}`;

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundle;
let worker: Worker;
let workerRun: Promise<void>;
// Long enough never to fire here; escalation is tested with time skipping.
const harness = conversationActivities({ escalateAfterMs: 3_600_000 });

beforeAll(async () => {
  env = await createTemporalTestEnv();
  workflowBundle = await bundleWorkflows(workflowsPath);
  worker = await Worker.create({ connection: env.nativeConnection, namespace: env.namespace ?? "default", taskQueue, workflowBundle, activities: harness.activities });
  workerRun = worker.run();
});

const started: string[] = [];

afterAll(async () => {
  // The chats never end by themselves; leave nothing running on a shared server.
  for (const id of started) await env?.client.workflow.getHandle(id).terminate("test done").catch(() => undefined);
  worker?.shutdown();
  await workerRun;
  await env?.teardown();
});

/** A fresh Malaysian mobile number per test, so workflow ids never collide on a shared server. */
function newPhone(): string {
  return `+6019${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
}

function inbound(body: string, messageId = `wamid.${randomUUID()}`): ConversationInbound {
  return { messageId, body, receivedAt: new Date().toISOString(), customerId: null, sessionId: "wa_sess_sim" };
}

/** What the concierge's subscriber does: signal-with-start `wa:<phone>`. */
async function deliver(phone: string, message: ConversationInbound) {
  const input: ConversationInput = { phone };
  started.push(CONVERSATION.workflowId(phone));
  return env.client.workflow.signalWithStart(CONVERSATION.workflowType, {
    taskQueue,
    workflowId: CONVERSATION.workflowId(phone),
    args: [input],
    signal: inboundSignal,
    signalArgs: [message],
  });
}

const sentTo = (phone: string) => harness.sent.filter((s) => s.to === phone);

describe("conversation workflow (wa:<E.164>)", () => {
  it("answers each message once: a redelivered message id gets no second answer or send", async () => {
    const phone = newPhone();
    const first = inbound("status phone saya?");
    const handle = await deliver(phone, first);
    await deliver(phone, { ...first });
    await deliver(phone, inbound("and the price?"));

    await eventually(() => expect(sentTo(phone)).toHaveLength(2));
    expect(handle.workflowId).toBe(`wa:${phone}`);
    expect(sentTo(phone)[0]).toMatchObject({ idempotencyKey: `reply:${first.messageId}`, body: "answer to: status phone saya?", context: { kind: "concierge", ref: first.messageId } });
    expect(harness.answered.filter((a) => a.phone === phone)).toHaveLength(2);
    const state = await handle.query(conversationStateQuery);
    expect(state).toMatchObject({ phone, mode: "bot", answered: 2, seen: 2, pending: 0 });
  });

  it("forwards setuju / tak nak to the waiting quote workflow instead of answering", async () => {
    const phone = newPhone();
    const quote = await env.client.workflow.start("quoteReplyRecorder", { taskQueue, workflowId: `quote-IT-${randomUUID()}` });
    harness.awaiting.set(phone, { jobNumber: "VSH-2026-000123", workflowId: quote.workflowId });
    const reply = inbound("Setuju bos 👍");
    await deliver(phone, reply);

    const replies = await quote.result();
    expect(replies).toEqual([{ decision: "approve", messageId: reply.messageId, text: "Setuju bos 👍" }]);
    // An unclear message during the quote is answered by the concierge as usual.
    await deliver(phone, inbound("berapa lama lagi?"));
    await eventually(() => expect(sentTo(phone)).toHaveLength(1));
    expect(harness.answered.filter((a) => a.phone === phone).map((a) => a.body)).toEqual(["berapa lama lagi?"]);
  });

  it("stays quiet while a handoff is open, and answers again once it is closed", async () => {
    const phone = newPhone();
    const handle = await deliver(phone, inbound("boleh repair drone?"));
    await eventually(() => expect(sentTo(phone).map((s) => s.body)).toEqual([HANDOFF_TEXT]));
    const state = await eventually(async () => {
      const s = await handle.query(conversationStateQuery);
      expect(s.mode).toBe("handoff");
      return s;
    });

    await deliver(phone, inbound("hello? anyone?"));
    await handle.signal(staffRepliedSignal, { at: new Date().toISOString(), handoffId: state.handoff!.handoffId });
    await eventually(async () => expect((await handle.query(conversationStateQuery)).seen).toBe(2));
    expect(sentTo(phone)).toHaveLength(1);
    expect(harness.answered.filter((a) => a.phone === phone)).toHaveLength(1);

    await handle.signal(handoffClosedSignal, { handoffId: state.handoff!.handoffId });
    await deliver(phone, inbound("thanks, and opening hours?"));
    await eventually(() => expect(sentTo(phone)).toHaveLength(2));
    expect(sentTo(phone)[1]!.body).toBe("answer to: thanks, and opening hours?");
    expect((await handle.query(conversationStateQuery)).mode).toBe("bot");
  });

  it("ignores an invalid signal payload and opt-out keywords without failing the workflow", async () => {
    const phone = newPhone();
    const handle = await deliver(phone, inbound("hi"));
    await deliver(phone, inbound("STOP"));
    // Deliberately malformed payload, as a client outside TypeScript could send it: the workflow must ignore it.
    await handle.signal(inboundSignal, { messageId: "", body: 42 } as unknown as ConversationInbound);
    await deliver(phone, inbound("still there?"));
    await eventually(() => expect(sentTo(phone)).toHaveLength(2));
    expect(harness.answered.filter((a) => a.phone === phone).map((a) => a.body)).toEqual(["hi", "still there?"]);
    expect((await handle.describe()).status.name).toBe("RUNNING");
  });

  it("continues as new on a long history, carrying the seen ids and the counts", async () => {
    const phone = newPhone();
    const first = inbound("message 0");
    const handle = await deliver(phone, first);
    const firstRun = env.client.workflow.getHandle(handle.workflowId, handle.signaledRunId);
    let sentCount = 1;
    while ((await firstRun.describe()).status.name === "RUNNING" && sentCount < 450) {
      for (let i = 0; i < 25; i++) await deliver(phone, inbound(`message ${sentCount++}`));
      await eventually(() => expect(sentTo(phone)).toHaveLength(sentCount), 60_000);
    }
    expect((await firstRun.describe()).status.name).toBe("CONTINUED_AS_NEW");
    // The new run still knows the first message id, and keeps counting.
    await deliver(phone, { ...first });
    await deliver(phone, inbound("after"));
    await eventually(() => expect(sentTo(phone)).toHaveLength(sentCount + 1));
    expect(await handle.query(conversationStateQuery)).toMatchObject({ answered: sentCount + 1, pending: 0 });
  }, 120_000);

  it("replays its history without non-determinism", async () => {
    const phone = newPhone();
    const handle = await deliver(phone, inbound("hi"));
    await deliver(phone, inbound("boleh cakap dengan orang?"));
    await eventually(() => expect(sentTo(phone)).toHaveLength(2));
    await handle.terminate("replay test");
    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle }, history, handle.workflowId)).resolves.toBeUndefined();
  });
});
