import { describe, expect, it } from "vitest";
import { firstName, groupByColumn } from "./board";
import { trackingStep } from "./tracking";

describe("board", () => {
  it("groups jobs by status column and leaves closed statuses out", () => {
    const cols = groupByColumn([
      { id: "a", status: "pending" as const },
      { id: "b", status: "cancelled" as const },
      { id: "c", status: "pending" as const },
      { id: "d", status: "delivered" as const },
    ]);
    expect(cols.get("pending")?.map((j) => j.id)).toEqual(["a", "c"]);
    expect(cols.get("delivered")?.map((j) => j.id)).toEqual(["d"]);
    expect(cols.has("cancelled")).toBe(false);
  });

  it("shows first names only", () => {
    expect(firstName("Aisyah Rahman")).toBe("Aisyah");
    expect(firstName("  Tan  Wei Jie ")).toBe("Tan");
    expect(firstName(null)).toBe("");
  });

  it("maps statuses to the customer's progress steps", () => {
    expect(trackingStep("pending")).toBe(0);
    expect(trackingStep("awaiting_parts")).toBe(2);
    expect(trackingStep("delivered")).toBe(4);
    expect(trackingStep("cancelled")).toBe(-1);
  });
});
