import { shopDate } from "@voltura/domain";
import { describe, expect, it } from "vitest";
import { runIntegrityChecks, type SqlReader } from "../api/admin/integrity/run-checks";
import { breachAlertText, summarizeReport } from "../domain/integrity/summary";
import type { IntegrityCheck } from "../domain/integrity/types";

const check = (name: string, tables: string[], breachCount: number): IntegrityCheck => ({
  name, title: `Title ${name}`, description: "d", tables, sql: `SELECT ${name}`,
  evaluate: (rows) => rows.slice(0, breachCount).map((r) => ({ kind: "k", ref: String(r.id), message: `problem ${String(r.id)}` })),
});

/** Answers the table look-up with `present` and each check's query with `rowsPer` rows. */
function fakeDb(present: string[], rowsPer: number, failOn?: string): SqlReader {
  return {
    async raw(sql, params) {
      if (sql.includes("information_schema")) return { rows: (params[0] as string[]).filter((t) => present.includes(t)).map((table_name) => ({ table_name })) };
      if (failOn && sql.includes(failOn)) throw new Error("relation broke");
      return { rows: Array.from({ length: rowsPer }, (_, i) => ({ id: `r${i}` })) };
    },
  };
}

describe("runIntegrityChecks", () => {
  const now = new Date("2026-12-05T18:30:00Z");

  it("is ok only when every check is; caps breaches at 50 but counts them all", async () => {
    const report = await runIntegrityChecks(fakeDb(["a", "b"], 60), now, [check("clean", ["a"], 0), check("many", ["b"], 60)]);
    expect(report).toMatchObject({ ok: false, checked_at: "2026-12-05T18:30:00.000Z" });
    expect(report.checks[0]).toMatchObject({ name: "clean", ok: true, count: 0, breaches: [] });
    expect(report.checks[1]).toMatchObject({ name: "many", ok: false, count: 60 });
    expect(report.checks[1]!.breaches).toHaveLength(50);
  });

  it("reports a missing table or a failing query as a check that did not pass, and runs the others", async () => {
    const report = await runIntegrityChecks(fakeDb(["a"], 1, "SELECT broken"), now, [check("missing", ["a", "zz"], 0), check("broken", ["a"], 0), check("fine", ["a"], 0)]);
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([["missing", false], ["broken", false], ["fine", true]]);
    expect(report.checks[0]!.error).toContain("zz");
    expect(report.checks[1]!.error).toContain("relation broke");
  });

  it("summarises a run and words the owners' alert in the shop's day", async () => {
    const report = await runIntegrityChecks(fakeDb(["a"], 3), now, [check("clean", ["a"], 0), check("sales", ["a"], 3)]);
    const summary = summarizeReport(report, 2);
    expect(summary.checks[1]).toEqual({ name: "sales", title: "Title sales", ok: false, count: 3, examples: ["problem r0", "problem r1"] });
    expect(shopDate(now, "Asia/Kuala_Lumpur")).toBe("2026-12-06");
    const text = breachAlertText(summary, "2026-12-06");
    expect(text).toContain("Shop check 2026-12-06: 1 of 2 checks found problems.");
    expect(text).toContain("• Title sales: 3 problems, e.g. problem r0");
    expect(text).not.toContain("Title clean");
  });
});
