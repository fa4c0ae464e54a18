import { describe, expect, it } from "vitest";
import { compareBySla, formatDuration, remainingAt, slaText, slaTone } from "./sla";

const m = 60_000;
const h = 60 * m;

describe("SLA formatting", () => {
  it("says how long is left in hours and minutes", () => {
    expect(slaText(2 * h + 15 * m)).toBe("2h 15m left");
    expect(slaText(2 * h + 15 * m + 59_000)).toBe("2h 15m left");
    expect(slaText(3 * h)).toBe("3h left");
    expect(slaText(45 * m)).toBe("45m left");
    expect(slaText(26 * h)).toBe("1d 2h left");
    expect(slaText(48 * h)).toBe("2d left");
    expect(slaText(30_000)).toBe("Due now");
  });

  it("says how long overdue, coarsely", () => {
    expect(slaText(-3 * h)).toBe("Overdue 3h");
    expect(slaText(-(3 * h + 40 * m))).toBe("Overdue 3h");
    expect(slaText(-25 * m)).toBe("Overdue 25m");
    expect(slaText(-10_000)).toBe("Overdue 1m");
    expect(slaText(-(51 * h))).toBe("Overdue 2d 3h");
  });

  it("marks a paused clock", () => {
    expect(slaText(2 * h + 15 * m, "paused")).toBe("Paused · 2h 15m left");
    expect(slaTone(5 * h, "paused")).toBe("paused");
    expect(slaTone(-h, "paused")).toBe("overdue");
  });

  it("says whether a finished job made it in time", () => {
    expect(slaText(4 * h, "stopped")).toBe("On time");
    expect(slaText(-3 * h, "stopped")).toBe("Late 3h");
    expect(slaTone(4 * h, "stopped")).toBe("done");
  });

  it("picks a tone by time left", () => {
    expect(slaTone(5 * h)).toBe("ok");
    expect(slaTone(90 * m)).toBe("soon");
    expect(slaTone(-1)).toBe("overdue");
  });

  it("formats durations without zero units", () => {
    expect(formatDuration(0)).toBe("0m");
    expect(formatDuration(61 * m)).toBe("1h 1m");
    expect(formatDuration(-(2 * h))).toBe("2h");
  });

  it("counts down from the due time", () => {
    const now = Date.parse("2026-11-24T08:00:00Z");
    expect(remainingAt("2026-11-24T10:15:00Z", now)).toBe(2 * h + 15 * m);
    expect(remainingAt(new Date("2026-11-24T05:00:00Z"), now)).toBe(-3 * h);
  });

  it("sorts the most urgent first and jobs without an SLA last", () => {
    const sla = (ms: number) => ({ sla: { due_at: "", remaining_ms: ms, breached: ms < 0, state: "running" as const } });
    const jobs = [sla(5 * h), { sla: null }, sla(-2 * h), sla(h)];
    expect(jobs.toSorted(compareBySla).map((j) => j.sla?.remaining_ms ?? null)).toEqual([-2 * h, h, 5 * h, null]);
  });
});
