import { describe, expect, it } from "vitest";
import { isoToShopLocal, shopLocalToIso } from "./shop-time";

describe("shop wall-clock time", () => {
  it("reads a datetime-local value as Kuala Lumpur time", () => {
    expect(shopLocalToIso("2026-11-26T17:30")).toBe("2026-11-26T17:30:00+08:00");
    expect(new Date(shopLocalToIso("2026-11-26T17:30")!).toISOString()).toBe("2026-11-26T09:30:00.000Z");
  });

  it("refuses blanks and malformed values", () => {
    for (const v of ["", "  ", null, "2026-11-26", "26/11/2026 17:30", "2026-13-45T99:99"]) expect(shopLocalToIso(v)).toBeNull();
  });

  it("writes an instant back as the input value", () => {
    expect(isoToShopLocal("2026-11-26T09:30:00.000Z")).toBe("2026-11-26T17:30");
    expect(isoToShopLocal("2026-11-26T20:00:00Z")).toBe("2026-11-27T04:00");
    expect(isoToShopLocal(null)).toBe("");
  });
});
