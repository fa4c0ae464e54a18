import { describe, expect, it } from "vitest";
import { estimateBtreeBloat, pickIndexesToReindex, pickTablesToVacuum, type TableActivity } from "./optimise-rules.js";

const table = (name: string, live: number, dead: number, mods: number): TableActivity => ({ schema: "public", table: name, liveTuples: live, deadTuples: dead, modsSinceAnalyze: mods });

describe("pickTablesToVacuum", () => {
  it("takes the tables whose churn passes 50 + 2 % of their rows, the busiest first, up to the limit", () => {
    const tables = [table("quiet", 1_000_000, 10_000, 5_000), table("busy", 100_000, 30_000, 20_000), table("tiny", 10, 20, 20), table("medium", 10_000, 300, 0)];
    // quiet: 15k < 20,050; busy: 50k >= 2,050; tiny: 40 < 50.2; medium: 300 >= 250
    expect(pickTablesToVacuum(tables, { limit: 25 }).map((t) => t.table)).toEqual(["busy", "medium"]);
    expect(pickTablesToVacuum(tables, { limit: 1 }).map((t) => t.table)).toEqual(["busy"]);
    expect(pickTablesToVacuum(tables, { limit: 0 })).toEqual([]);
  });
});

describe("estimateBtreeBloat", () => {
  it("is near zero for a freshly built index and grows as pages empty out", () => {
    // 100k int8 keys: 20 bytes each at 90 % of 8,152 bytes → 367 per page → 273 pages + meta.
    const fresh = estimateBtreeBloat({ pages: 280, tuples: 100_000, keyWidth: 8 })!;
    expect(fresh).toBeGreaterThanOrEqual(0);
    expect(fresh).toBeLessThan(0.05);
    const afterDeletingMost = estimateBtreeBloat({ pages: 280, tuples: 20_000, keyWidth: 8 })!;
    expect(afterDeletingMost).toBeGreaterThan(0.75);
    expect(afterDeletingMost).toBeLessThan(0.85);
  });

  it("never goes below zero, and knows nothing without statistics", () => {
    expect(estimateBtreeBloat({ pages: 10, tuples: 1_000_000, keyWidth: 8 })).toBe(0);
    expect(estimateBtreeBloat({ pages: 280, tuples: 100_000, keyWidth: null })).toBeNull();
    expect(estimateBtreeBloat({ pages: 1, tuples: 0, keyWidth: 8 })).toBeNull();
  });

  it("counts the fill factor: the same index at fillfactor 50 is not bloated", () => {
    expect(estimateBtreeBloat({ pages: 500, tuples: 100_000, keyWidth: 8, fillfactor: 50 })!).toBeLessThan(0.05);
  });
});

describe("pickIndexesToReindex", () => {
  const ix = (index: string, bytes: number, bloat: number) => ({ schema: "public", table: "t", index, bytes, bloat });
  it("takes indexes at or over the threshold, the most wasted bytes first", () => {
    const picked = pickIndexesToReindex([ix("a", 10_000_000, 0.3), ix("b", 100_000_000, 0.5), ix("c", 50_000_000, 0.29), ix("d", 2_000_000, 0.9)], 0.3);
    expect(picked.map((i) => i.index)).toEqual(["b", "a", "d"]);
  });
  it("refuses a threshold that would reindex everything or nothing", () => {
    expect(() => pickIndexesToReindex([], 0)).toThrow(/bloatThreshold/);
    expect(() => pickIndexesToReindex([], 1)).toThrow(/bloatThreshold/);
  });
});
