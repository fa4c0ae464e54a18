import { describe, expect, it } from "vitest";
import { levelFilters, levelsHref } from "$lib/inventory/level-filters";
import { formIdempotencyKey } from "./form-key";
import { levelsCsv, wholeNumber } from "./inventory";

describe("levels table filters", () => {
  it("reads the URL and falls back to defaults", () => {
    expect(levelFilters(new URLSearchParams("q=%20usb%20&low=1&order=-on_hand&page=2"))).toEqual({ q: "usb", low: true, order: "-on_hand", page: 2 });
    expect(levelFilters(new URLSearchParams("order=price&page=-1"))).toEqual({ q: "", low: false, order: "title", page: 1 });
  });

  it("builds short links, leaving defaults out", () => {
    const f = levelFilters(new URLSearchParams("q=usb&low=1"));
    expect(levelsHref(f)).toBe("/inventory?q=usb&low=1");
    expect(levelsHref(f, { low: false, order: "sku", page: 3 })).toBe("/inventory?q=usb&order=sku&page=3");
    expect(levelsHref(levelFilters(new URLSearchParams()), {}, "/inventory/export")).toBe("/inventory/export");
  });
});

describe("levels CSV", () => {
  it("has a header, ringgit costs and formula-safe text", () => {
    const csv = levelsCsv([{
      inventory_item_id: "iitem_1", location_id: "sloc_1", location_name: "Shop", title: "=HYPERLINK(\"x\")", sku: "ACC-1", barcode: "955", on_hand: 3,
      reserved: 1, available: 2, low_stock_threshold: 3, low_stock: true, average_cost_sen: 1250,
    }]);
    const [header, row] = csv.replace(/^\uFEFF/, "").trim().split("\n");
    expect(header).toBe("Item,SKU,Barcode,Location,On hand,Reserved,Available,Low-stock threshold,Low stock,Average cost (RM)");
    expect(row).toBe(`"'=HYPERLINK(""x"")",ACC-1,955,Shop,3,1,2,3,yes,12.50`);
  });
});

describe("whole numbers from forms", () => {
  it.each([["3", 3], [" -2 ", -2], ["", null], ["1.5", null], ["x", null], [null, null]] as const)("%j → %j", (input, expected) => {
    expect(wholeNumber(input)).toBe(expected);
  });
});

describe("idempotency keys of stock forms", () => {
  const form = (key?: string) => {
    const data = new FormData();
    if (key !== undefined) data.set("key", key);
    return data;
  };

  it("sends the page's key for the form's purpose, the same on every resubmission", () => {
    const data = form(" 4f0e2c1a-9b7d-4c55-8e21-0a6d3f9b1c22 ");
    expect(formIdempotencyKey(data, "adjust")).toBe("adjust-4f0e2c1a-9b7d-4c55-8e21-0a6d3f9b1c22");
    expect(formIdempotencyKey(data, "adjust")).toBe(formIdempotencyKey(data, "adjust"));
    expect(formIdempotencyKey(data, "receive")).toBe("receive-4f0e2c1a-9b7d-4c55-8e21-0a6d3f9b1c22");
  });

  it("sends none when the form carries no key", () => {
    expect(formIdempotencyKey(form(), "adjust")).toBeUndefined();
    expect(formIdempotencyKey(form("  "), "adjust")).toBeUndefined();
  });
});
