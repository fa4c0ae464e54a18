import { describe, expect, it } from "vitest";
import { withFreshStock } from "./stock";

const item = (variant_id: string, available: number | null, title = variant_id) => ({ variant_id, available, title });

describe("fresh stock in the counter's results", () => {
  it("updates the numbers and keeps the order the cashier is looking at", () => {
    const shown = [item("v_glass", 5), item("v_cable", 2), item("v_repair", null)];
    const fresh = [item("v_cable", 1), item("v_glass", 4, "renamed"), item("v_new", 9)];
    expect(withFreshStock(shown, fresh)).toEqual([item("v_glass", 4), item("v_cable", 1), item("v_repair", null)]);
  });

  it("leaves an item the fresh answer no longer holds as it was", () => {
    expect(withFreshStock([item("v_glass", 5)], [])).toEqual([item("v_glass", 5)]);
  });
});
