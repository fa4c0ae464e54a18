import { describe, expect, it } from "vitest";
import { KeystrokeBuffer } from "./scanner";

function type(buffer: KeystrokeBuffer, text: string, start: number, gap: number): number {
  let at = start;
  for (const key of text) {
    buffer.push(key, at);
    at += gap;
  }
  return at;
}

describe("KeystrokeBuffer", () => {
  it("reads a scanner burst (5 ms per key, then Enter) as a scan with its code", () => {
    const buffer = new KeystrokeBuffer();
    const end = type(buffer, "9555000200029", 1000, 5);
    expect(buffer.finish(end)).toBe("9555000200029");
    expect(buffer.size).toBe(0);
  });

  it("leaves human typing (120 ms per key) as typing, keeping only the last burst", () => {
    const buffer = new KeystrokeBuffer();
    const end = type(buffer, "cable", 1000, 120);
    expect(buffer.finish(end)).toBeNull();
    expect(buffer.text()).toBe("e");
  });

  it("still reads a burst with late events (a busy machine) as a scan", () => {
    const buffer = new KeystrokeBuffer();
    let at = 1000;
    for (const [i, gap] of [0, 47, 7, 9, 32, 11, 7, 9, 8, 17, 10, 61, 14].entries()) buffer.push("9555000200012"[i]!, (at += gap));
    expect(buffer.finish(at + 30)).toBe("9555000200012");
  });

  it("keeps fast typing that is too short to be a barcode as typing", () => {
    const buffer = new KeystrokeBuffer();
    const end = type(buffer, "usb", 1000, 10);
    expect(buffer.finish(end)).toBeNull();
    expect(buffer.text()).toBe("usb");
  });

  it("starts a new burst after a pause, so earlier keys do not spoil a scan", () => {
    const buffer = new KeystrokeBuffer();
    type(buffer, "ab", 0, 10);
    const end = type(buffer, "ACC-USBC-1M", 5000, 4);
    expect(buffer.finish(end)).toBe("ACC-USBC-1M");
  });
});
