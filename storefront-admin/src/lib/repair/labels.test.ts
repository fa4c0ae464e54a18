import { describe, expect, it } from "vitest";
import { guessGrade } from "./labels";

describe("part grade from the catalogue title", () => {
  it("reads the grade the title names", () => {
    expect(guessGrade("iPhone 13 Screen (OEM)")).toBe("oem");
    expect(guessGrade("iPhone 11 Battery (Original)")).toBe("original");
    expect(guessGrade("Samsung A54 Charging Port (Compatible)")).toBe("compatible");
    expect(guessGrade("USB-C Cable 1m")).toBe("compatible");
  });
});
