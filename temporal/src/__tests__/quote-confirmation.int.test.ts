import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkflowFailedError } from "@temporalio/client";
import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker } from "@temporalio/worker";
import { QUOTE_CONFIRMATION, type QuoteConfirmationInput } from "@voltura/domain";
import {
  counterDecisionSignal,
  customerReplySignal,
  INVALID_FLOW_INPUT_FAILURE,
  quoteStateQuery,
  type quoteConfirmation,
} from "@voltura/workflows";
import { eventually, HOUR, startTimeSkippingFlows, stopTimeSkippingFlows, type FlowWorker } from "./repair-flows-harness.js";

let env: TestWorkflowEnvironment;
let flows: FlowWorker;

beforeAll(async () => void ({ env, flows } = await startTimeSkippingFlows()));
afterAll(() => stopTimeSkippingFlows(env, flows));

async function sendQuote(version = 1) {
  const jobNumber = `VSH-IT-${randomUUID().slice(0, 8)}`;
  const jobId = `rj_${jobNumber}`;
  const quote = flows.world.addQuote(jobId, jobNumber);
  const sentAtMs = await env.currentTimeMs();
  const input: QuoteConfirmationInput = {
    jobId, jobNumber, version, sentAt: new Date(sentAtMs).toISOString(),
    followUp: { reminderAfterHours: 24, escalateAfterHours: 48 },
  };
  const handle = await env.client.workflow.start<typeof quoteConfirmation>(QUOTE_CONFIRMATION.workflowType, {
    taskQueue: flows.taskQueue,
    workflowId: QUOTE_CONFIRMATION.workflowId(jobNumber, version),
    args: [input],
  });
  // The quote goes out first; the customer can only answer what they received.
  await eventually(async () => expect((await handle.query(quoteStateQuery)).phase).toBe("awaiting_reply"));
  return { handle, quote, jobId, jobNumber, sentAtMs };
}

describe("quoteConfirmation", () => {
  it("sends the quote, records an approval by reply and confirms it", async () => {
    const { handle, quote, jobId, jobNumber } = await sendQuote();
    expect(handle.workflowId).toBe(`quote-${jobNumber}`);
    await handle.signal(customerReplySignal, { decision: "approve", messageId: "wamsg_1", text: "ok setuju bos" });

    const result = await handle.result();
    expect(result).toMatchObject({ phase: "decided", decision: "approve", decidedVia: "whatsapp", remindedAt: null, escalatedAt: null });
    expect(flows.world.decisions).toContainEqual({ jobId, version: 1, decision: "approve", messageId: "wamsg_1", text: "ok setuju bos" });
    const sent = flows.world.sentTo(quote.phone);
    expect(sent.map((s) => s.idempotencyKey)).toEqual([`quote:${jobId}:v1`, `quote:${jobId}:v1:confirmation`]);
    expect(sent[0]!.body).toContain("Balas SETUJU atau TAK SETUJU");
    expect(sent[0]!.context).toEqual({ kind: "quote", ref: jobNumber });
    expect(sent[1]!.body).toContain("diluluskan");
    // Each message names its template (the activity sends the shop's own text when it has one).
    expect(sent.map((s) => s.template?.kind)).toEqual(["repair_quote", "repair_quote_approved"]);
    expect(sent[0]!.template?.values).toMatchObject({ job_number: jobNumber, version: "1" });
    // Outside the window a Cloud API number sends the template bound to the purpose; the confirmation answers a reply.
    expect(sent.map((s) => s.templatePurpose)).toEqual(["quote_sent", undefined]);
    expect(sent[0]!.variables).toMatchObject({ job_number: jobNumber, nama: expect.any(String) });
  });

  it("records a rejection by reply", async () => {
    const { handle, quote, jobId } = await sendQuote();
    await handle.signal(customerReplySignal, { decision: "reject", messageId: "wamsg_2", text: "tak nak" });

    const result = await handle.result();
    expect(result).toMatchObject({ phase: "decided", decision: "reject", decidedVia: "whatsapp" });
    expect(flows.world.decisions.filter((d) => d.jobId === jobId)).toHaveLength(1);
    expect(flows.world.sentTo(quote.phone).at(-1)!.body).toContain("ditolak");
  });

  it("ends on a counter decision without recording or messaging again", async () => {
    const { handle, quote, jobId } = await sendQuote(2);
    expect(handle.workflowId).toMatch(/^quote-VSH-IT-.*-v2$/);
    await handle.signal(counterDecisionSignal, { decision: "approve", decidedBy: "Cashier Siti" });

    const result = await handle.result();
    expect(result).toMatchObject({ phase: "decided", decision: "approve", decidedVia: "counter", version: 2 });
    expect(flows.world.decisions.filter((d) => d.jobId === jobId)).toHaveLength(0);
    expect(flows.world.sentTo(quote.phone).map((s) => s.idempotencyKey)).toEqual([`quote:${jobId}:v2`]);
  });

  it("reminds after the reminder time, escalates to staff after the escalation time, then takes the counter's decision", async () => {
    const { handle, quote, jobId, jobNumber, sentAtMs } = await sendQuote();

    await env.sleep("25 hours");
    const reminded = await eventually(async () => {
      const state = await handle.query(quoteStateQuery);
      expect(state.phase).toBe("reminded");
      return state;
    });
    const reminder = flows.world.sentTo(quote.phone).find((s) => s.idempotencyKey === `quote:${jobId}:v1:reminder`);
    expect(reminder?.body).toContain("peringatan");
    expect(reminder).toMatchObject({ templatePurpose: "quote_reminder", variables: { job_number: quote.jobNumber } });
    expect(reminder!.atMs - sentAtMs).toBeGreaterThanOrEqual(24 * HOUR);
    expect(reminder!.atMs - sentAtMs).toBeLessThan(25 * HOUR);
    expect(Date.parse(reminded.remindedAt!) - sentAtMs).toBeGreaterThanOrEqual(24 * HOUR);
    expect(flows.world.handoffs.filter((h) => h.jobNumber === jobNumber)).toHaveLength(0);

    await env.sleep("24 hours");
    const escalated = await eventually(async () => {
      const state = await handle.query(quoteStateQuery);
      expect(state.phase).toBe("escalated");
      return state;
    });
    expect(Date.parse(escalated.escalatedAt!) - sentAtMs).toBeGreaterThanOrEqual(48 * HOUR);
    const [handoff, ...more] = flows.world.handoffs.filter((h) => h.jobNumber === jobNumber);
    expect(more).toHaveLength(0);
    expect(handoff).toMatchObject({ phone: quote.phone, jobNumber });
    expect(handoff!.summary).toMatch(/^No reply to quote v1 .* after 48 h/);

    await handle.signal(counterDecisionSignal, { decision: "reject", decidedBy: "Manager Raj" });
    expect(await handle.result()).toMatchObject({ phase: "decided", decision: "reject", decidedVia: "counter" });
  });

  it("confirms what commerce recorded when the counter decided before the reply was recorded", async () => {
    const { handle, quote, jobId } = await sendQuote();
    quote.quoteStatus = "rejected";
    quote.jobStatus = "returned_unrepaired";
    flows.world.quotes.set(jobId, quote);
    await handle.signal(customerReplySignal, { decision: "approve", messageId: "wamsg_late", text: "ok" });

    const result = await handle.result();
    expect(result).toMatchObject({ phase: "decided", decision: "reject", decidedVia: null });
    expect(result.closedReason).toMatch(/decided before the reply/);
    expect(flows.world.decisions.filter((d) => d.jobId === jobId)).toHaveLength(0);
    expect(flows.world.sentTo(quote.phone).at(-1)!.body).toContain("ditolak");
  });

  it("stops reminding when the quote was decided outside the flow", async () => {
    const { handle, quote, jobId } = await sendQuote();
    quote.quoteStatus = "approved";
    quote.jobStatus = "in_progress";
    flows.world.quotes.set(jobId, quote);

    const result = await handle.result();
    expect(result.phase).toBe("closed");
    expect(result.closedReason).toMatch(/approved outside this flow/);
    expect(flows.world.sentTo(quote.phone)).toHaveLength(1);
  });

  it("fails without retrying on a bad input", async () => {
    const handle = await env.client.workflow.start(QUOTE_CONFIRMATION.workflowType, {
      taskQueue: flows.taskQueue,
      workflowId: `quote-bad-${randomUUID()}`,
      args: [{ jobId: "rj_1", jobNumber: "VSH-1", version: 0, sentAt: "yesterday", followUp: { reminderAfterHours: 24, escalateAfterHours: 48 } }],
    });
    const failure = await handle.result().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause as { type?: string; message: string };
    expect(cause.type).toBe(INVALID_FLOW_INPUT_FAILURE);
    expect(cause.message).toMatch(/version/);
    expect(cause.message).toMatch(/sentAt/);
  });

  it("replays a finished history without non-determinism", async () => {
    const { handle } = await sendQuote();
    await env.sleep("25 hours");
    await eventually(async () => expect((await handle.query(quoteStateQuery)).phase).toBe("reminded"));
    await handle.signal(customerReplySignal, { decision: "approve", messageId: "wamsg_9", text: "Setuju" });
    await handle.result();

    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle: flows.workflowBundle }, history, handle.workflowId)).resolves.toBeUndefined();
  });
});
