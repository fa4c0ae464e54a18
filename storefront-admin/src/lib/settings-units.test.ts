import { describe, expect, it } from "vitest";
import { basisPointsToPercent, percentToBasisPoints, ringgitTextToSen, senToRinggitText } from "./settings-units";

describe("SST percentage ↔ basis points", () => {
  it("reads what owners type", () => {
    expect(percentToBasisPoints("6")).toBe(600);
    expect(percentToBasisPoints("8")).toBe(800);
    expect(percentToBasisPoints("8.5")).toBe(850);
    expect(percentToBasisPoints(" 6 % ")).toBe(600);
    expect(percentToBasisPoints("0.25")).toBe(25);
    expect(percentToBasisPoints(".5")).toBe(50);
    expect(percentToBasisPoints("0")).toBe(0);
    expect(percentToBasisPoints("0.29")).toBe(29); // no floating-point drift (0.29 * 100 = 28.999…)
  });

  it("refuses what is not a percentage with at most 2 decimals", () => {
    for (const bad of ["", "six", "-6", "6.005", "6,5", "1e2", ".", "6..5"]) expect(percentToBasisPoints(bad), bad).toBeNull();
  });

  it("writes basis points back as the shortest percentage", () => {
    expect(basisPointsToPercent(600)).toBe("6");
    expect(basisPointsToPercent(850)).toBe("8.5");
    expect(basisPointsToPercent(25)).toBe("0.25");
    expect(basisPointsToPercent(0)).toBe("0");
    expect(basisPointsToPercent(1005)).toBe("10.05");
  });

  it("round-trips every rate the settings allow", () => {
    for (let bp = 0; bp <= 2000; bp++) expect(percentToBasisPoints(basisPointsToPercent(bp))).toBe(bp);
  });
});

describe("ringgit ↔ sen", () => {
  it("reads amounts with or without RM and thousands separators", () => {
    expect(ringgitTextToSen("30")).toBe(3000);
    expect(ringgitTextToSen("30.5")).toBe(3050);
    expect(ringgitTextToSen("RM 1,200.00")).toBe(120000);
    expect(ringgitTextToSen("0.10")).toBe(10);
    expect(ringgitTextToSen("30.555")).toBeNull();
    expect(ringgitTextToSen("-5")).toBeNull();
  });

  it("writes sen as an input value", () => {
    expect(senToRinggitText(3000)).toBe("30.00");
    expect(senToRinggitText(5)).toBe("0.05");
    expect(ringgitTextToSen(senToRinggitText(123456))).toBe(123456);
  });
});
