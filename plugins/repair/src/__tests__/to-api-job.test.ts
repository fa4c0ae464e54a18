import { describe, expect, it } from "vitest";
import { toApiJob } from "../api/admin/repair-jobs/query";

describe("toApiJob", () => {
  it("flattens the customer link, writes dates as ISO and orders the history", () => {
    const job = toApiJob({
      id: "rjob_1", job_number: "VSH-2026-000001", status: "in_progress",
      created_at: new Date("2026-11-24T01:00:00Z"), updated_at: new Date("2026-11-24T02:00:00Z"),
      customer: { id: "cus_1" },
      status_changes: [
        { id: "b", from_status: "pending", to_status: "in_progress", note: null, changed_by: "Ravi", changed_at: new Date("2026-11-24T02:00:00Z") },
        { id: "a", from_status: null, to_status: "pending", note: "in", changed_by: "Siti", changed_at: new Date("2026-11-24T01:00:00Z") },
      ],
    });
    expect(job.customer_id).toBe("cus_1");
    expect(job.created_at).toBe("2026-11-24T01:00:00.000Z");
    expect(job.status_history?.map((h) => h.id)).toEqual(["a", "b"]);
    expect(job).not.toHaveProperty("customer");
  });

  it("keeps customer_id null when the link is missing and omits history when not loaded", () => {
    const job = toApiJob({ id: "rjob_2", created_at: "2026-11-24T01:00:00.000Z", updated_at: "2026-11-24T01:00:00.000Z", customer: null });
    expect(job.customer_id).toBeNull();
    expect(job.status_history).toBeUndefined();
  });
});
