import { describe, expect, it } from "vitest";
import { giveBackInSeries, takeNextInSeries, type SqlExecutor } from "../sequence.js";

function recorder(rows: unknown[]): SqlExecutor & { calls: Array<{ sql: string; params: unknown[] }> } {
  const calls: Array<{ sql: string; params: unknown[] }> = [];
  return { calls, execute: async (sql, params) => { calls.push({ sql, params }); return rows; } };
}

describe("series counters", () => {
  it("takes the next value with one upsert on the named table", async () => {
    const db = recorder([{ last_value: "42" }]);
    expect(await takeNextInSeries(db, "repair_job_sequence", "VSH-2026")).toBe(42);
    expect(db.calls[0]!.sql).toMatch(/INSERT INTO repair_job_sequence .* ON CONFLICT \(id\) DO UPDATE SET last_value = repair_job_sequence\.last_value \+ 1/s);
    expect(db.calls[0]!.params).toEqual(["VSH-2026"]);
  });
  it("gives a value back only when it is still the last one", async () => {
    expect(await giveBackInSeries(recorder([{ id: "VSH-2026" }]), "repair_job_sequence", "VSH-2026", 42)).toBe(true);
    expect(await giveBackInSeries(recorder([]), "repair_job_sequence", "VSH-2026", 41)).toBe(false);
  });
  it("refuses anything but a plain table name", async () => {
    await expect(takeNextInSeries(recorder([]), "x; drop table y", "S")).rejects.toThrow("not a table name");
  });
});
