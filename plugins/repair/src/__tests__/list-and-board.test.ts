import { describe, expect, it } from "vitest";
import type { RepairJob } from "@voltura/medusa-client";
import { groupBoard } from "../api/admin/repair-jobs/board/route";
import { listFilters } from "../api/admin/repair-jobs/query";

describe("listFilters", () => {
  it("maps the desk filters, mine meaning the caller", () => {
    expect(listFilters({ priority: "urgent", device_type: "laptop", mine: true, callerId: "user_me", technician_id: "user_other" })).toEqual({
      priority: "urgent", device_type: "laptop", technician_id: "user_me",
    });
  });
  it("narrows to breached ids, or excludes them", () => {
    expect(listFilters({ breached: true }, ["a", "b"])).toEqual({ id: ["a", "b"] });
    expect(listFilters({ breached: false }, ["a"])).toEqual({ id: { $nin: ["a"] } });
  });
  it("escapes LIKE wildcards in a search and also searches the IMEI", () => {
    const f = listFilters({ q: "50%_off" }) as { $or: Array<Record<string, { $ilike: string }>> };
    expect(f.$or[0]!.job_number!.$ilike).toBe("%50\\%\\_off%");
    expect(f.$or.some((c) => "imei_serial" in c)).toBe(true);
  });
  it("refuses mine without a caller", () => expect(() => listFilters({ mine: true })).toThrow(/mine/));
});

describe("groupBoard", () => {
  const job = (id: string, status: RepairJob["status"], due: string) => ({ id, job_number: id, status, sla: { due_at: due } }) as unknown as RepairJob;
  it("has a column per open status in workflow order, most urgent first", () => {
    const board = groupBoard(
      [job("B", "pending", "2026-11-27T00:00:00Z"), job("A", "pending", "2026-11-25T00:00:00Z"), job("C", "completed", "2026-11-26T00:00:00Z")],
      [job("D", "delivered", "2026-11-20T00:00:00Z")],
    );
    expect(board.columns.map((c) => c.status)).toEqual(["pending", "awaiting_approval", "awaiting_parts", "in_progress", "completed"]);
    expect(board.columns[0]).toMatchObject({ label: "Pending", count: 2 });
    expect(board.columns[0]!.repair_jobs.map((j) => j.id)).toEqual(["A", "B"]);
    expect(board.columns[1]!.count).toBe(0);
    expect(board.finished.map((j) => j.id)).toEqual(["D"]);
  });
});
