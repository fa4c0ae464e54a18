import { describe, expect, it } from "vitest";
import { toApiJob } from "../api/admin/repair-jobs/query";

const H = 3_600_000;
const base = {
  id: "rjob_1", job_number: "VSH-2026-000001", status: "in_progress",
  created_at: new Date("2026-11-24T01:00:00Z"), updated_at: new Date("2026-11-24T02:00:00Z"),
  received_at: new Date("2026-11-24T01:00:00Z"), sla_due_at: new Date("2026-11-27T01:00:00Z"),
  sla_paused_seconds: 0, sla_paused_since: null, eta: null, completed_at: null, delivered_at: null,
  accessories: ["charger"], deposit_sen: 5000,
};

describe("toApiJob", () => {
  it("flattens the customer link, writes dates as ISO and orders the history", () => {
    const job = toApiJob({
      ...base,
      customer: { id: "cus_1" },
      status_changes: [
        { id: "b", from_status: "pending", to_status: "in_progress", note: null, changed_by: "Ravi", changed_at: new Date("2026-11-24T02:00:00Z") },
        { id: "a", from_status: null, to_status: "pending", note: "in", changed_by: "Siti", changed_at: new Date("2026-11-24T01:00:00Z") },
      ],
    });
    expect(job.customer_id).toBe("cus_1");
    expect(job.created_at).toBe("2026-11-24T01:00:00.000Z");
    expect(job.received_at).toBe("2026-11-24T01:00:00.000Z");
    expect(job.status_history?.map((h) => h.id)).toEqual(["a", "b"]);
    expect(job).not.toHaveProperty("customer");
  });

  it("keeps customer_id null when the link is missing and omits children when not loaded", () => {
    const job = toApiJob({ ...base, id: "rjob_2", customer: null });
    expect(job.customer_id).toBeNull();
    expect(job.status_history).toBeUndefined();
    expect(job.events).toBeUndefined();
    expect(job.photos).toBeUndefined();
  });

  it("computes the SLA at read time and keeps the clock's stored fields internal", () => {
    const running = toApiJob({ ...base, customer: null }, new Date("2026-11-27T02:00:00Z"));
    expect(running.sla).toEqual({ due_at: "2026-11-27T01:00:00.000Z", remaining_ms: -H, breached: true, state: "running" });
    expect(running).not.toHaveProperty("sla_paused_seconds");
    expect(running).not.toHaveProperty("sla_paused_since");

    const paused = toApiJob(
      { ...base, status: "awaiting_parts", sla_paused_seconds: 7200, sla_paused_since: new Date("2026-11-26T01:00:00Z"), customer: null },
      new Date("2026-11-30T01:00:00Z"),
    );
    // 2 h of earlier pauses + 4 days of this one; 26 h were left when the parts were ordered.
    expect(paused.sla).toMatchObject({ remaining_ms: 26 * H, breached: false, state: "paused", due_at: "2026-12-01T03:00:00.000Z" });
  });

  it("orders the timeline and the photos oldest first", () => {
    const job = toApiJob({
      ...base, customer: null,
      events: [
        { id: "e2", kind: "diagnosis", detail: {}, actor: "Ravi", actor_id: "u2", at: new Date("2026-11-24T03:00:00Z") },
        { id: "e1", kind: "assigned", detail: {}, actor: "Siti", actor_id: null, at: new Date("2026-11-24T02:00:00Z") },
      ],
      photos: [
        { id: "p2", file_id: "f2", url: "u", tag: "after", caption: null, mime_type: "image/png", size_bytes: 10, taken_by: "Ravi", taken_by_id: "u2", created_at: new Date("2026-11-25T00:00:00Z") },
        { id: "p1", file_id: "f1", url: "u", tag: "before", caption: "front", mime_type: "image/jpeg", size_bytes: 10, taken_by: "Siti", taken_by_id: "u1", created_at: new Date("2026-11-24T00:00:00Z") },
      ],
    });
    expect(job.events?.map((e) => e.id)).toEqual(["e1", "e2"]);
    expect(job.photos?.map((p) => p.id)).toEqual(["p1", "p2"]);
  });
});
