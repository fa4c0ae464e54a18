import { describe, expect, it } from "vitest";
import { PolicyFieldError, policyBodyFrom } from "./policy-form";

function form(fields: [string, string][]): FormData {
  const data = new FormData();
  for (const [k, v] of fields) data.append(k, v);
  return data;
}

describe("sender pacing policy form", () => {
  it("reads numbers, the window, weekend days and holidays (sorted, unique)", () => {
    const body = policyBodyFrom(
      form([
        ["gap_min_seconds", "30"],
        ["gap_max_seconds", "60"],
        ["daily_cap", "120"],
        ["window_start", "09:00"],
        ["window_end", "18:00"],
        ["weekend_days", "5"],
        ["weekend_days", "6"],
        ["weekend_days", "9"],
        ["holidays", "2027-02-01\n2026-12-25, 2027-02-01"],
      ]),
    );
    expect(body).toEqual({
      gap_min_seconds: 30,
      gap_max_seconds: 60,
      daily_cap: 120,
      window_start: "09:00",
      window_end: "18:00",
      weekend_days: [5, 6],
      holidays: ["2026-12-25", "2027-02-01"],
    });
  });

  it("refuses a cap outside 1–1000, a bad time and a bad date, naming the field", () => {
    const field = (fields: [string, string][]) => {
      try {
        policyBodyFrom(form(fields));
        return null;
      } catch (err) {
        return (err as PolicyFieldError).field;
      }
    };
    expect(field([["daily_cap", "0"]])).toBe("daily_cap");
    expect(field([["daily_cap", "1001"]])).toBe("daily_cap");
    expect(field([["window_end", "25:00"]])).toBe("window_end");
    expect(field([["holidays", "25/12/2026"]])).toBe("holidays");
    expect(field([["gap_min_seconds", "3.5"]])).toBe("gap_min_seconds");
  });
});
