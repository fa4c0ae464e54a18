import { describe, expect, it } from "vitest";
import { classifyKeystrokes, keystrokeText } from "./keystrokes.js";
import type { KeystrokeEvent } from "./keystrokes.js";

/** Keys with the given gaps between them (gaps[i] = ms before key i+1). */
function burst(keys: string[], gaps: number | number[], start = 10_000): KeystrokeEvent[] {
  let at = start;
  return keys.map((key, i) => {
    if (i > 0) at += Array.isArray(gaps) ? gaps[i - 1]! : gaps;
    return { key, at };
  });
}
const chars = (s: string) => [...s];

describe("classifyKeystrokes", () => {
  it.each([
    ["EAN-13 at 8 ms a key", burst([...chars("9555123456789"), "Enter"], 8), "scan"],
    ["Code 128 part SKU, jittery 3–20 ms", burst([...chars("SCR-IP13-OEM"), "Enter"], [12, 3, 20, 9, 15, 4, 18, 7, 11, 6, 14, 19]), "scan"],
    ["exactly 6 chars at 34 ms (both limits just met)", burst([...chars("123456"), "Enter"], 34), "scan"],
    ["scanner sending Shift for upper case", burst(["Shift", "A", "Shift", "B", "1", "2", "3", "4", "Enter"], 5), "scan"],
    ["5 chars only (a short PIN)", burst([...chars("12345"), "Enter"], 8), "typing"],
    ["a gap of exactly 35 ms", burst([...chars("9555123"), "Enter"], [8, 8, 35, 8, 8, 8, 8]), "typing"],
    ["fast burst but no Enter (still typing)", burst(chars("9555123456789"), 8), "typing"],
    ["Enter pressed slowly after a fast burst", burst([...chars("9555123456789"), "Enter"], [...Array(12).fill(8), 400]), "typing"],
    ["fast typist ~110 ms a key", burst([...chars("iphone 13"), "Enter"], [95, 130, 88, 142, 105, 97, 160, 120, 180]), "typing"],
    ["typist with a rollover burst (two keys 20 ms apart)", burst([...chars("charger"), "Enter"], [140, 20, 160, 110, 25, 150, 210]), "typing"],
    ["hunt-and-peck", burst([...chars("A1234B"), "Enter"], [600, 450, 380, 520, 700, 900]), "typing"],
    ["Backspace inside a fast burst", burst([...chars("9555"), "Backspace", ...chars("1234"), "Enter"], 8), "typing"],
    ["out-of-order timestamps", burst([...chars("9555123"), "Enter"], [8, 8, -5, 8, 8, 8, 8]), "typing"],
    ["nothing", [], "typing"],
    ["only Enter", burst(["Enter"], 0), "typing"],
  ] as const)("%s → %s", (_label, events, expected) => {
    expect(classifyKeystrokes(events)).toBe(expected);
  });

  it("honours custom thresholds (a slower Bluetooth scanner)", () => {
    const events = burst([...chars("12345678"), "Enter"], 45);
    expect(classifyKeystrokes(events)).toBe("typing");
    expect(classifyKeystrokes(events, { maxIntervalMs: 60 })).toBe("scan");
    expect(classifyKeystrokes(burst([...chars("1234"), "Enter"], 5), { minChars: 4 })).toBe("scan");
  });
});

describe("keystrokeText", () => {
  it("returns the scanned code without modifiers or Enter", () => {
    expect(keystrokeText(burst(["Shift", "A", "B", "-", "1", "Enter"], 5))).toBe("AB-1");
  });
});

describe("classifyKeystrokes with an average limit (busy machines)", () => {
  const burst = (gaps: number[]) => {
    let at = 1000;
    const events = [{ key: "9", at }];
    for (const gap of gaps) events.push({ key: "5", at: (at += gap) });
    events[events.length - 1]!.key = "Enter";
    return events;
  };
  const loose = { maxIntervalMs: 120, maxAverageIntervalMs: 30 };

  it.each<[number[], "scan" | "typing", string]>([
    [[47, 7, 9, 32, 11, 7, 9, 8, 17, 10, 61, 14, 30], "scan", "a scanner burst with two late events (average 20 ms)"],
    [[5, 5, 5, 5, 5, 5, 5], "scan", "a steady 5 ms burst"],
    [[90, 110, 80, 100, 95, 105, 90], "typing", "a fast typist (average ~96 ms)"],
    [[10, 10, 10, 10, 10, 10, 150], "typing", "one gap past the hard limit"],
    [[28, 31, 30, 29, 33, 32, 30], "typing", "average 30 ms is not below 30"],
  ])("%j → %s (%s)", (gaps, expected) => {
    expect(classifyKeystrokes(burst(gaps), loose)).toBe(expected);
  });

  it("keeps the strict default when no average limit is given", () => {
    expect(classifyKeystrokes(burst([47, 7, 9, 32, 11, 7, 9]))).toBe("typing");
  });
});
