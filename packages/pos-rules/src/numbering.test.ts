import { describe, expect, it } from "vitest";
import { formatDocumentNumber, parseDocumentNumber } from "./numbering.js";
import type { DocumentSeries } from "./numbering.js";

describe("formatDocumentNumber", () => {
  it.each([
    ["QUO", 2026, 42, "QUO-2026-000042"],
    ["INV", 2026, 1, "INV-2026-000001"],
    ["RCP", 2027, 999_999, "RCP-2027-999999"],
    ["PO", 2026, 1_000_000, "PO-2026-1000000"],
  ] as const)("%s %i #%i → %s", (series, year, seq, expected) => {
    expect(formatDocumentNumber(series, year, seq)).toBe(expected);
    expect(parseDocumentNumber(expected)).toEqual({ series, year, sequence: seq });
  });

  it.each([
    ["INV", 2026, 0],
    ["INV", 2026, -1],
    ["INV", 2026, 1.5],
    ["INV", 1999, 1],
    ["INV", 10_000, 1],
    ["DN", 2026, 1],
  ])("refuses %s %i #%s", (series, year, seq) => {
    expect(() => formatDocumentNumber(series as DocumentSeries, year, seq)).toThrow(RangeError);
  });
});

describe("parseDocumentNumber", () => {
  it.each([
    [" quo-2026-000042 ", { series: "QUO", year: 2026, sequence: 42 }],
    ["po-2026-000007", { series: "PO", year: 2026, sequence: 7 }],
    ["QUO-2026-00042", null],
    ["QUO-2026-0000042", null],
    ["QUO-2026-000000", null],
    ["QUO-26-000042", null],
    ["JOB-2026-000042", null],
    ["QUO 2026 000042", null],
    ["QUO-2026-000042X", null],
    ["", null],
  ])("%j → %j", (input, expected) => {
    expect(parseDocumentNumber(input)).toEqual(expected);
  });
});
