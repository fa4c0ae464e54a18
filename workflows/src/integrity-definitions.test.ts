import { describe, expect, it } from "vitest";
import { integrityRunKey, integrityShopDay } from "./integrity-definitions.js";

describe("integrity nightly helpers", () => {
  it("keys the run by the shop's calendar day, not UTC's", () => {
    const at = Date.parse("2026-12-05T18:30:00Z"); // 02:30 on 6 Dec in Kuala Lumpur
    expect(integrityShopDay(at, "Asia/Kuala_Lumpur")).toBe("2026-12-06");
    expect(integrityShopDay(at, "UTC")).toBe("2026-12-05");
    expect(integrityRunKey("2026-12-06")).toBe("integrity-nightly:2026-12-06");
  });
});
