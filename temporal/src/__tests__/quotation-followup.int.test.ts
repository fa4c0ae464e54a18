import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker, type WorkflowBundle } from "@temporalio/worker";
import { QUOTATION_FOLLOWUP, type QuotationFollowUpInput, type QuotationReminderOutcome } from "@voltura/domain";
import { quotationClosedSignal, quotationFollowUpStateQuery, type InvoicingActivities, type quotationFollowUp } from "@voltura/workflows";
import { DAY, eventually } from "./repair-flows-harness.js";
import { createTimeSkippingTestEnv } from "./time-skipping-env.js";
import { bundleWorkflows, runWorker } from "./test-worker.js";


/** Commerce as the follow-up sees it: quotations by id, and what was sent or expired. */
class QuotationWorld {
  readonly status = new Map<string, string>();
  readonly optedOut = new Set<string>();
  readonly sent: Array<{ quotationId: string; key: string; atMs: number }> = [];
  readonly expired: string[] = [];

  constructor(private readonly now: () => Promise<number>) {}

  activities(): InvoicingActivities {
    return {
      sendQuotationReminder: async ({ quotationId, idempotencyKey }): Promise<QuotationReminderOutcome> => {
        if (this.status.get(quotationId) !== "sent") return "closed";
        if (this.optedOut.has(quotationId)) return "opted_out";
        if (!this.sent.some((s) => s.key === idempotencyKey)) this.sent.push({ quotationId, key: idempotencyKey, atMs: await this.now() });
        return "sent";
      },
      expireQuotation: async ({ quotationId }) => {
        if (this.status.get(quotationId) !== "sent") return "closed";
        this.status.set(quotationId, "expired");
        this.expired.push(quotationId);
        return "expired";
      },
    };
  }
}

let env: TestWorkflowEnvironment;
let world: QuotationWorld;
let taskQueue: string;
let stop: () => Promise<void>;
let workflowBundle: WorkflowBundle;

beforeAll(async () => {
  env = await createTimeSkippingTestEnv();
  world = new QuotationWorld(() => env.currentTimeMs());
  taskQueue = `quotation-followup-it-${randomUUID()}`;
  workflowBundle = await bundleWorkflows();
  ({ stop } = await runWorker({ connection: env.nativeConnection, taskQueue, activities: world.activities(), workflowBundle }));
});

afterAll(async () => {
  await stop?.();
  await env?.teardown();
});

async function sendQuotation(validDays = 14) {
  const quotationNumber = `QUO-2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`;
  const quotationId = `quo_${randomUUID()}`;
  world.status.set(quotationId, "sent");
  const sentAt = await env.currentTimeMs();
  const input: QuotationFollowUpInput = { quotationId, quotationNumber, reminderDays: [3, 7], validUntil: new Date(sentAt + validDays * DAY).toISOString() };
  const handle = await env.client.workflow.start<typeof quotationFollowUp>(QUOTATION_FOLLOWUP.workflowType, {
    taskQueue, workflowId: QUOTATION_FOLLOWUP.workflowId(quotationNumber), args: [input],
  });
  return { handle, quotationId, quotationNumber, sentAt };
}

describe("quotationFollowUp", () => {
  it("reminds on day 3 and 7, then marks the quotation expired when its validity ends", async () => {
    const { handle, quotationId, quotationNumber, sentAt } = await sendQuotation();
    expect(handle.workflowId).toBe(`quotation-followup-${quotationNumber}`);
    const result = await handle.result();
    expect(result).toMatchObject({ sent: [3, 7], stoppedBy: null, expired: true });
    const sent = world.sent.filter((s) => s.quotationId === quotationId);
    expect(sent.map((s) => s.key)).toEqual([`quotation-followup:${quotationNumber}:day3`, `quotation-followup:${quotationNumber}:day7`]);
    expect(sent[0]!.atMs - sentAt).toBeGreaterThanOrEqual(3 * DAY);
    expect(sent[1]!.atMs - sentAt).toBeLessThan(7 * DAY + 60_000);
    expect(world.status.get(quotationId)).toBe("expired");
    // The recorded history replays against today's code without non-determinism.
    await Worker.runReplayHistory({ workflowBundle }, await handle.fetchHistory(), handle.workflowId);
  });

  it("stops as soon as the quotation is accepted (signal), with nothing more sent", async () => {
    const { handle, quotationId } = await sendQuotation();
    await env.sleep("4 days");
    await eventually(async () => expect((await handle.query(quotationFollowUpStateQuery)).sent).toEqual([3]));
    world.status.set(quotationId, "accepted");
    await handle.signal(quotationClosedSignal, { status: "accepted" });
    expect(await handle.result()).toMatchObject({ sent: [3], stoppedBy: "accepted", expired: false });
    expect(world.sent.filter((s) => s.quotationId === quotationId)).toHaveLength(1);
    expect(world.expired).not.toContain(quotationId);
  });

  it("skips reminders past the validity date and stops for a contact who opted out", async () => {
    const short = await sendQuotation(5);
    expect(await short.handle.result()).toMatchObject({ sent: [3], expired: true });
    const optedOut = await sendQuotation();
    world.optedOut.add(optedOut.quotationId);
    expect(await optedOut.handle.result()).toMatchObject({ sent: [], stoppedBy: "opted_out", expired: false });
  });

  it("refuses a bad input without retrying", async () => {
    const handle = await env.client.workflow.start(QUOTATION_FOLLOWUP.workflowType, {
      taskQueue, workflowId: `quotation-followup-bad-${randomUUID()}`, args: [{ quotationId: "", quotationNumber: "nope", reminderDays: [], validUntil: "x" }],
    });
    await expect(handle.result()).rejects.toThrow();
  });
});
