import { describe, expect, it } from "vitest";
import { lineForCode, nextCount, reviewStockTake, stockTakeAcceptsCounts } from "../domain/stock-take";

describe("stock take review", () => {
  it("reports variances of counted lines, matches and uncounted lines", () => {
    const review = reviewStockTake([
      { id: "l1", inventory_item_id: "a", expected_quantity: 5, counted_quantity: 4 },
      { id: "l2", inventory_item_id: "b", expected_quantity: 2, counted_quantity: 2 },
      { id: "l3", inventory_item_id: "c", expected_quantity: 0, counted_quantity: 3 },
      { id: "l4", inventory_item_id: "d", expected_quantity: 7, counted_quantity: null },
      { id: "l5", inventory_item_id: "e", expected_quantity: 1, counted_quantity: 0 },
    ]);
    expect(review.variances.map((v) => [v.line_id, v.variance])).toEqual([["l1", -1], ["l3", 3], ["l5", -1]]);
    expect(review.matched).toBe(1);
    expect(review.uncounted).toEqual(["l4"]);
  });

  it("an empty session has nothing to post", () => {
    expect(reviewStockTake([])).toEqual({ variances: [], uncounted: [], matched: 0 });
  });
});

describe("counting", () => {
  it.each([
    [null, "add", 1, 1],
    [3, "add", 1, 4],
    [3, "set", 0, 0],
    [null, "set", 9, 9],
  ] as const)("from %s, %s %d gives %d", (current, mode, quantity, expected) => {
    expect(nextCount(current, mode, quantity)).toBe(expected);
  });

  it("refuses negative or fractional quantities", () => {
    expect(() => nextCount(1, "add", -1)).toThrow(RangeError);
    expect(() => nextCount(1, "set", 1.5)).toThrow(RangeError);
  });

  it.each([["open", true], ["counting", true], ["posted", false], ["cancelled", false]] as const)("%s accepts counts: %s", (status, ok) => {
    expect(stockTakeAcceptsCounts(status)).toBe(ok);
  });

  it("finds a line by barcode first, then by SKU, ignoring case and spaces", () => {
    const lines = [
      { id: "1", barcode: "9555000100013", sku: "PART-IP13" },
      { id: "2", barcode: null, sku: "9555000100013" },
      { id: "3", barcode: null, sku: "ACC-USBC-1M" },
    ];
    expect(lineForCode(lines, "9555000100013")?.id).toBe("1");
    expect(lineForCode(lines, " acc-usbc-1m ")?.id).toBe("3");
    expect(lineForCode(lines, "nope")).toBeNull();
    expect(lineForCode(lines, "  ")).toBeNull();
  });
});
