import { describe, expect, it } from "vitest";
import type { RepairFlows } from "@voltura/contracts";
import { repairFlowViews } from "./repair-flows-view";

const quoteState = {
  jobNumber: "VSH-2026-000123", version: 2, phase: "reminded" as const, sentAt: "2026-03-01T02:00:00.000Z", quoteMessageId: "msg_1",
  reminderAt: "2026-03-02T02:00:00.000Z", escalateAt: "2026-03-03T02:00:00.000Z", remindedAt: "2026-03-02T02:00:05.000Z",
  escalatedAt: null, decision: null, decidedVia: null, closedReason: null,
};
const answer: RepairFlows = {
  namespace: "voltura",
  flows: [
    {
      kind: "pickup", version: null, workflow_id: "pickup-VSH-2026-000123", run_id: "run-p", status: "COMPLETED",
      started_at: "2026-03-05T02:00:00.000Z", closed_at: "2026-03-07T02:00:00.000Z",
      state: { jobNumber: "VSH-2026-000123", phase: "stopped", completedAt: "2026-03-05T02:00:00.000Z", sent: [{ day: 1, at: "2026-03-06T02:00:00.000Z", messageId: "m" }], next: null, stoppedBy: "picked_up" },
    },
    {
      kind: "quote", version: 2, workflow_id: "quote-VSH-2026-000123-v2", run_id: "run-q", status: "RUNNING",
      started_at: quoteState.sentAt, closed_at: null, state: quoteState,
    },
  ],
};

describe("repairFlowViews", () => {
  it("describes each flow with its readable id, state in words and times in shop time", () => {
    const [pickup, quote] = repairFlowViews(answer, "http://127.0.0.1:8233/");
    expect(pickup).toMatchObject({
      title: "Pickup reminders", status: "Completed", running: false, summary: "Stopped: collected",
      details: ["Day 1 reminder sent 6 Mar 2026, 10:00 am"],
      temporalUrl: "http://127.0.0.1:8233/namespaces/voltura/workflows/pickup-VSH-2026-000123/run-p",
    });
    expect(quote).toMatchObject({
      workflowId: "quote-VSH-2026-000123-v2", title: "Quote v2 confirmation", status: "Running", running: true,
      summary: "Reminder sent; waiting for the reply",
      details: ["Sent 1 Mar 2026, 10:00 am", "Reminded 2 Mar 2026, 10:00 am", "Escalates 3 Mar 2026, 10:00 am"],
    });
  });

  it("has no links without TEMPORAL_UI_URL and no summary when the worker did not answer", () => {
    const [, quote] = repairFlowViews({ ...answer, flows: [answer.flows[0]!, { ...answer.flows[1]!, state: null } as RepairFlows["flows"][number]] }, undefined);
    expect(quote).toMatchObject({ temporalUrl: null, summary: null, details: [] });
  });
});
