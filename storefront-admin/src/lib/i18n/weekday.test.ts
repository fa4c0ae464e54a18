import { describe, expect, it } from "vitest";
import { hourName, weekdayName } from "./weekday";

describe("weekdayName / hourName", () => {
  it("names the days from Sunday and the hours of the day", () => {
    expect([0, 1, 6].map(weekdayName)).toEqual(["Sunday", "Monday", "Saturday"]);
    expect(hourName(3)).toMatch(/^3:00\s?am$/i);
    expect(hourName(15)).toMatch(/^3:00\s?pm$/i);
  });
});
