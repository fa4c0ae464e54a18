import { describe, expect, it } from "vitest";
import type { StatusChange } from "@voltura/domain";
import { RepairLifecycleState, isSameStatusChange, shouldContinueAsNew } from "./lifecycle-state.js";

function change(to: StatusChange["to"], from: StatusChange["from"], minute: number): StatusChange {
  const changedAt = `2026-03-01T09:${String(minute).padStart(2, "0")}:00.000Z`;
  return { from, to, note: null, changedBy: "user_tech", changedAt };
}

const received = change("pending", null, 0);
const started = change("in_progress", "pending", 5);
const done = change("completed", "in_progress", 30);
const delivered = change("delivered", "completed", 45);

function newState() {
  return RepairLifecycleState.fromInput({ jobId: "rj_1", jobNumber: "VS-2026-0001", initial: received });
}

describe("RepairLifecycleState", () => {
  it("starts from the initial change", () => {
    const state = newState();
    expect(state.summary()).toEqual({ jobId: "rj_1", jobNumber: "VS-2026-0001", status: "pending", history: [received] });
    expect(state.isClosed).toBe(false);
  });

  it("records changes in arrival order and follows the latest status", () => {
    const state = newState();
    expect(state.record(started)).toBe("recorded");
    expect(state.record(done)).toBe("recorded");
    expect(state.summary().history).toEqual([received, started, done]);
    expect(state.status).toBe("completed");
  });

  it("drops an exact duplicate but keeps a change that differs in any field", () => {
    const state = newState();
    state.record(started);
    expect(state.record({ ...started })).toBe("duplicate");
    expect(state.record({ ...started, note: "customer called" })).toBe("recorded");
    expect(state.length).toBe(3);
  });

  it("closes on a final status and ignores anything after it", () => {
    const state = newState();
    state.record(started);
    state.record(done);
    state.record(delivered);
    expect(state.isClosed).toBe(true);
    expect(state.record(change("in_progress", "delivered", 50))).toBe("after-terminal");
    expect(state.status).toBe("delivered");
  });

  it("hands its whole history to the next run and rebuilds from it", () => {
    const state = newState();
    state.record(started);
    const next = RepairLifecycleState.fromInput(state.continuationInput());
    expect(next.summary()).toEqual(state.summary());
    expect(next.record({ ...received })).toBe("duplicate");
  });

  it("returns copies, so a caller cannot change the recorded history", () => {
    const state = newState();
    state.summary().history.push(started);
    expect(state.length).toBe(1);
  });
});

describe("isSameStatusChange", () => {
  it("compares every field", () => {
    expect(isSameStatusChange(started, { ...started })).toBe(true);
    expect(isSameStatusChange(started, { ...started, changedBy: "user_other" })).toBe(false);
  });
});

describe("shouldContinueAsNew", () => {
  it("continues when the server suggests it or the history passes the limit", () => {
    expect(shouldContinueAsNew({ historyLength: 10, continueAsNewSuggested: false })).toBe(false);
    expect(shouldContinueAsNew({ historyLength: 10, continueAsNewSuggested: true })).toBe(true);
    expect(shouldContinueAsNew({ historyLength: 501, continueAsNewSuggested: false })).toBe(true);
    expect(shouldContinueAsNew({ historyLength: 50, continueAsNewSuggested: false }, 40)).toBe(true);
  });
});
