import { describe, expect, it } from "vitest";
import { abilitiesFor } from "./abilities";

describe("job abilities", () => {
  it("lets technicians work the bench but not take money or void warranties", () => {
    const tech = abilitiesFor("technician");
    expect(tech).toMatchObject({ diagnose: true, editLines: true, sendQuote: true, photos: true });
    expect(tech).toMatchObject({ decideQuote: false, pickup: false, voidWarranty: false, assign: false });
  });

  it("lets cashiers record decisions and pickups but not edit lines", () => {
    expect(abilitiesFor("cashier")).toMatchObject({ decideQuote: true, pickup: true, editLines: false, diagnose: false, assign: false });
  });

  it("lets managers and owners do everything", () => {
    for (const role of ["owner", "manager"] as const) {
      expect(Object.values(abilitiesFor(role)).every(Boolean)).toBe(true);
    }
  });
});
