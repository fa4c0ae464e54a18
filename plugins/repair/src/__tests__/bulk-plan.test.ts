import { describe, expect, it } from "vitest";
import { bulkAnswer, bulkFailure, bulkRequestHash, decideBulkReplay } from "../domain/bulk-plan";

const body = { action: "status" as const, ids: ["rjob_1", "rjob_2"], status: "in_progress" };

describe("bulk job actions", () => {
  it("hashes the same request the same and any change differently", () => {
    expect(bulkRequestHash(body)).toBe(bulkRequestHash({ ...body }));
    expect(bulkRequestHash(body)).not.toBe(bulkRequestHash({ ...body, ids: ["rjob_2", "rjob_1"] }));
    expect(bulkRequestHash(body)).not.toBe(bulkRequestHash({ ...body, status: "cancelled" }));
    expect(bulkRequestHash({ action: "assign", ids: ["a"], technician_id: null })).not.toBe(bulkRequestHash({ action: "assign", ids: ["a"], technician_id: "user_t" }));
  });

  it("runs a new key, replays a seen one and refuses another body under it", () => {
    const hash = bulkRequestHash(body);
    expect(decideBulkReplay(undefined, hash)).toBe("run");
    expect(decideBulkReplay({ request_hash: hash }, hash)).toBe("replay");
    expect(decideBulkReplay({ request_hash: "other" }, hash)).toBe("reused");
  });

  it("counts successes and failures in the order asked", () => {
    const ok = { id: "rjob_1", ok: true, job_number: "VSH-2026-000001", status: "in_progress" as const, error: null };
    const refused = { id: "rjob_2", ok: false, job_number: "VSH-2026-000002", status: "delivered" as const, error: { type: "invalid_transition", message: "No" } };
    expect(bulkAnswer("status", [ok, refused])).toEqual({ action: "status", results: [ok, refused], succeeded: 1, failed: 1, replayed: false });
  });

  it("names a failure by its details type, then Medusa's type", () => {
    expect(bulkFailure({ type: "conflict", message: "Paid first", details: { type: "invoice_unpaid" } })).toEqual({ type: "invoice_unpaid", message: "Paid first" });
    expect(bulkFailure({ type: "not_found", message: "gone" })).toEqual({ type: "not_found", message: "gone" });
    expect(bulkFailure(undefined)).toEqual({ type: "error", message: "The job could not be changed" });
  });
});
