import { describe, expect, it } from "vitest";
import { decideIntakeRetry, leaseFree, nextRunnableEffect, type JobEffect } from "../domain/job-outbox";

const now = new Date("2026-12-06T10:00:00Z");
const past = new Date("2026-12-06T09:59:59Z");
const future = new Date("2026-12-06T10:00:30Z");

describe("leaseFree", () => {
  it("is free without a lease and once it ran out, held before", () => {
    expect(leaseFree(null, now)).toBe(true);
    expect(leaseFree(past, now)).toBe(true);
    expect(leaseFree(now, now)).toBe(true);
    expect(leaseFree(future.toISOString(), now)).toBe(false);
  });
});

describe("decideIntakeRetry", () => {
  it("refuses a key reused for another body, whatever its state", () => {
    expect(decideIntakeRetry({ same_body: false, effects_due: 0, lease_until: null }, now)).toBe("reused");
    expect(decideIntakeRetry({ same_body: false, effects_due: 3, lease_until: past }, now)).toBe("reused");
  });

  it("finishes what is due when nobody holds the job, else answers the job as it is", () => {
    expect(decideIntakeRetry({ same_body: true, effects_due: 2, lease_until: past }, now)).toBe("finish");
    expect(decideIntakeRetry({ same_body: true, effects_due: 2, lease_until: future }, now)).toBe("replay");
    expect(decideIntakeRetry({ same_body: true, effects_due: 0, lease_until: null }, now)).toBe("replay");
  });
});

describe("nextRunnableEffect", () => {
  const event: JobEffect = { id: "e1", kind: "event", name: "repair_job.created", data: { id: "rjob_1" } };
  it("keeps the order: the CRM hook first goes to the intake workflow, nothing passes it", () => {
    expect(nextRunnableEffect([{ id: "crm_intake", kind: "crm_intake" }, event])).toBe("needs_intake_hook");
    expect(nextRunnableEffect([event])).toBe(event);
    expect(nextRunnableEffect([])).toBeNull();
  });
});
