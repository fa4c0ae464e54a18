import type { SqlExecutor } from "@voltura/medusa-kit";
import { describe, expect, it } from "vitest";
import { adoptCounterSql, moveCounterToNumberSeriesSql } from "../modules/number-series/adopt-counter";
import { giveBackNumber, takeNextNumber } from "../modules/number-series/numbers";

function recorder(rows: unknown[]): SqlExecutor & { calls: Array<{ sql: string; params: unknown[] }> } {
  const calls: Array<{ sql: string; params: unknown[] }> = [];
  return { calls, execute: async (sql, params) => { calls.push({ sql, params }); return rows; } };
}

describe("number series", () => {
  it("takes the next value with one upsert on number_series", async () => {
    const db = recorder([{ last_value: "42" }]);
    expect(await takeNextNumber(db, "VSH-2026")).toBe(42);
    expect(db.calls[0]!.sql).toMatch(/INSERT INTO number_series .* ON CONFLICT \(id\) DO UPDATE SET last_value = number_series\.last_value \+ 1/s);
    expect(db.calls[0]!.params).toEqual(["VSH-2026"]);
  });
  it("runs over a knex connection too", async () => {
    const bindings: unknown[][] = [];
    const knex = { raw: async (_sql: string, b: readonly unknown[] = []) => { bindings.push([...b]); return { rows: [{ last_value: 7 }] }; } };
    expect(await takeNextNumber(knex, "INV-2026")).toBe(7);
    expect(bindings).toEqual([["INV-2026"]]);
  });
  it("gives a value back only when it is still the last one", async () => {
    expect(await giveBackNumber(recorder([{ id: "VSH-2026" }]), "VSH-2026", 42)).toBe(true);
    expect(await giveBackNumber(recorder([]), "VSH-2026", 41)).toBe(false);
  });
  it("moves an old counter keeping the higher value, and drops it only in its own module's migration", () => {
    const [create, , move] = moveCounterToNumberSeriesSql("repair_job_sequence");
    expect(create).toMatch(/CREATE TABLE IF NOT EXISTS "number_series"/);
    expect(move).toMatch(/to_regclass\('public\.repair_job_sequence'\) IS NOT NULL/);
    expect(move).toMatch(/GREATEST\(number_series\.last_value, EXCLUDED\.last_value\)/);
    expect(move).toMatch(/DROP TABLE repair_job_sequence CASCADE/);
    expect(adoptCounterSql("quotation_sequence", { drop: false })).not.toMatch(/DROP TABLE/);
  });
});
