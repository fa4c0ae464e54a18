import { describe, expect, it } from "vitest";
import { buildAccessoryList, splitAccessoryList } from "./accessories";

describe("accessory list", () => {
  it("lists ticked boxes as labels in form order, then the free text", () => {
    expect(buildAccessoryList(["box", "charger"], "Stylus, screen protector")).toEqual(["Charger", "Box", "Stylus", "screen protector"]);
  });

  it("splits free text on commas, semicolons and new lines and drops blanks", () => {
    expect(buildAccessoryList([], " stylus ;\n\n  pouch,, ")).toEqual(["stylus", "pouch"]);
  });

  it("removes duplicates case-insensitively and collapses spaces", () => {
    expect(buildAccessoryList(["charger"], "charger, Memory   card, memory card")).toEqual(["Charger", "Memory card"]);
  });

  it("ignores unknown box values and caps the list", () => {
    expect(buildAccessoryList(["toaster"], "")).toEqual([]);
    const many = Array.from({ length: 40 }, (_, i) => `item ${i}`).join(",");
    expect(buildAccessoryList([], many)).toHaveLength(20);
    expect(buildAccessoryList([], "x".repeat(100))[0]).toHaveLength(60);
  });

  it("splits a stored list back into boxes and free text", () => {
    expect(splitAccessoryList(["Charger", "SIM tray", "Stylus"])).toEqual({ checked: ["charger", "sim_tray"], other: "Stylus" });
  });
});
