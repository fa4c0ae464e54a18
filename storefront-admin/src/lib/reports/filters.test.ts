import { describe, expect, it } from "vitest";
import { reportFilters, reportQuery } from "./filters";

describe("report filters", () => {
  it("defaults to the last 30 shop days and every source", () => {
    const filters = reportFilters(new URLSearchParams(), new Date("2026-11-30T17:00:00Z")); // 1 Dec, 1 am in KL
    expect(filters).toEqual({ from: "2026-11-02", to: "2026-12-01", sources: ["pos", "repair", "invoice"] });
  });

  it("keeps valid dates and known sources, drops the rest", () => {
    const filters = reportFilters(new URLSearchParams("from=2026-11-01&to=2026-11-30&source=invoice&source=atm&source=pos"));
    expect(filters).toEqual({ from: "2026-11-01", to: "2026-11-30", sources: ["invoice", "pos"] });
    expect(reportQuery(filters).toString()).toBe("from=2026-11-01&to=2026-11-30&source=invoice%2Cpos");
    expect(reportFilters(new URLSearchParams("from=junk&to=2026-11-30")).from).toBe("2026-11-01");
  });
});
