import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker } from "@temporalio/worker";
import { PICKUP_REMINDERS, type PickupRemindersInput } from "@voltura/domain";
import { jobReopenedSignal, optedOutSignal, pickedUpSignal, pickupStateQuery, type pickupReminders } from "@voltura/workflows";
import { DAY, eventually, pickupSettings, startTimeSkippingFlows, stopTimeSkippingFlows, type FlowWorker } from "./repair-flows-harness.js";

let env: TestWorkflowEnvironment;
let flows: FlowWorker;

beforeAll(async () => void ({ env, flows } = await startTimeSkippingFlows()));
afterAll(() => stopTimeSkippingFlows(env, flows));

async function completeJob(days = pickupSettings.days) {
  const jobNumber = `VSH-IT-${randomUUID().slice(0, 8)}`;
  const jobId = `rj_${jobNumber}`;
  const target = flows.world.addPickup(jobId, jobNumber);
  const completedAtMs = await env.currentTimeMs();
  const input: PickupRemindersInput = {
    jobId, jobNumber, completedAt: new Date(completedAtMs).toISOString(), reminders: { ...pickupSettings, days },
  };
  const handle = await env.client.workflow.start<typeof pickupReminders>(PICKUP_REMINDERS.workflowType, {
    taskQueue: flows.taskQueue,
    workflowId: PICKUP_REMINDERS.workflowId(jobNumber),
    args: [input],
  });
  return { handle, target, jobId, jobNumber, completedAtMs };
}

describe("pickupReminders", () => {
  it("sends the Day 1, 20 and 30 reminders in order, then finishes", async () => {
    const { handle, target, jobId, jobNumber, completedAtMs } = await completeJob();
    expect(handle.workflowId).toBe(`pickup-${jobNumber}`);

    const result = await handle.result();
    expect(result.phase).toBe("finished");
    expect(result.stoppedBy).toBeNull();
    expect(result.sent.map((s) => s.day)).toEqual([1, 20, 30]);
    const sent = flows.world.sentTo(target.phone);
    expect(sent.map((s) => s.idempotencyKey)).toEqual([`pickup:${jobId}:day1`, `pickup:${jobId}:day20`, `pickup:${jobId}:day30`]);
    sent.forEach((s, i) => {
      const day = [1, 20, 30][i]!;
      expect(s.atMs - completedAtMs).toBeGreaterThanOrEqual(day * DAY);
      expect(s.atMs - completedAtMs).toBeLessThan(day * DAY + 60_000);
      expect(s.context).toEqual({ kind: "reminder", ref: jobNumber });
    });
    expect(sent[0]!.body).toContain(`Salam Lim, Samsung Galaxy A54 anda (kerja ${jobNumber}) sudah siap`);
    expect(sent[0]!.body).toContain("is ready for pickup at Voltura Demo Repair");
    // The message names its template so the activity can send the shop's own text at send time.
    expect(sent[0]!.template).toEqual({
      kind: "pickup_reminder",
      values: { nama: "Lim", model: "Samsung Galaxy A54", job_number: jobNumber, shop_name: "Voltura Demo Repair" },
    });
    // Each day names its template purpose, for a Cloud API number with the customer's window closed.
    expect(sent.map((s) => s.templatePurpose)).toEqual(["pickup_day1", "pickup_day20", "pickup_day30"]);
    expect(sent[2]!.variables).toEqual(sent[0]!.template!.values);
  });

  it("stops when the job is picked up", async () => {
    const { handle, target } = await completeJob();
    await env.sleep("2 days");
    await eventually(async () => expect((await handle.query(pickupStateQuery)).sent).toHaveLength(1));
    expect((await handle.query(pickupStateQuery)).next?.day).toBe(20);

    await handle.signal(pickedUpSignal, { deliveredAt: new Date(await env.currentTimeMs()).toISOString(), by: "Cashier Siti" });
    const result = await handle.result();
    expect(result).toMatchObject({ phase: "stopped", stoppedBy: "picked_up", next: null });
    expect(flows.world.sentTo(target.phone).map((s) => s.idempotencyKey)).toHaveLength(1);
  });

  it("stops when the customer opts out on WhatsApp", async () => {
    const { handle, target } = await completeJob();
    await env.sleep("2 days");
    await eventually(async () => expect((await handle.query(pickupStateQuery)).sent).toHaveLength(1));

    await handle.signal(optedOutSignal, { phone: target.phone });
    expect(await handle.result()).toMatchObject({ phase: "stopped", stoppedBy: "opted_out" });
    expect(flows.world.sentTo(target.phone)).toHaveLength(1);
  });

  it("stops when a send is refused because the contact opted out", async () => {
    const { handle, target } = await completeJob([1, 20]);
    flows.world.optedOutPhones.add(target.phone);

    const result = await handle.result();
    expect(result).toMatchObject({ phase: "stopped", stoppedBy: "opted_out", sent: [] });
    expect(flows.world.sentTo(target.phone)).toHaveLength(0);
  });

  it("stops when the job goes back to the bench", async () => {
    const { handle, target } = await completeJob();
    await eventually(async () => expect((await handle.query(pickupStateQuery)).next?.day).toBe(1));
    await handle.signal(jobReopenedSignal, { status: "in_progress", by: "Tech Amir" });
    expect(await handle.result()).toMatchObject({ phase: "stopped", stoppedBy: "reopened", sent: [] });
    expect(flows.world.sentTo(target.phone)).toHaveLength(0);
  });

  it("stops when commerce says the job is no longer Completed", async () => {
    const { handle, target, jobId } = await completeJob();
    flows.world.pickups.set(jobId, { ...target, jobStatus: "delivered" });
    expect(await handle.result()).toMatchObject({ phase: "stopped", stoppedBy: "picked_up", sent: [] });
  });

  it("replays a finished history without non-determinism", async () => {
    const { handle, target } = await completeJob();
    await env.sleep("21 days");
    await eventually(async () => expect((await handle.query(pickupStateQuery)).sent).toHaveLength(2));
    await handle.signal(pickedUpSignal, { deliveredAt: new Date(await env.currentTimeMs()).toISOString(), by: target.customerName });
    expect((await handle.result()).stoppedBy).toBe("picked_up");

    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle: flows.workflowBundle }, history, handle.workflowId)).resolves.toBeUndefined();
  });
});
