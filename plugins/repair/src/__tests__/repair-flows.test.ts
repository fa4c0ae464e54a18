import { describe, expect, it } from "vitest";
import { flowRefsForJob, readFlowState } from "../domain/repair-flows";

describe("flowRefsForJob", () => {
  it("lists the pickup flow and one quote flow per sent version, newest first", () => {
    expect(flowRefsForJob("VSH-2026-000123", [1, 2, 2]).map((r) => r.workflow_id)).toEqual([
      "pickup-VSH-2026-000123",
      "quote-VSH-2026-000123-v2",
      "quote-VSH-2026-000123",
    ]);
  });

  it("has only the pickup flow before any quote", () => {
    expect(flowRefsForJob("VSH-2026-000001", [])).toEqual([
      { kind: "pickup", workflow_id: "pickup-VSH-2026-000001", version: null, query: "state" },
    ]);
  });
});

describe("readFlowState", () => {
  const pickup = { jobNumber: "VSH-1", phase: "waiting", completedAt: "2026-03-01T00:00:00.000Z", sent: [], next: { day: 1, at: "2026-03-02T00:00:00.000Z" }, stoppedBy: null };

  it("keeps a state of the expected shape and drops anything else", () => {
    expect(readFlowState("pickup", pickup)).toEqual(pickup);
    expect(readFlowState("quote", pickup)).toBeNull();
    expect(readFlowState("pickup", null)).toBeNull();
  });
});
