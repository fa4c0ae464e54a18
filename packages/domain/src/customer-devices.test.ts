import { describe, expect, it } from "vitest";
import { imeiSerialSchema, matchIntakeDevice, normaliseImeiSerial } from "./customer-devices.js";

const devices = [
  { id: "d1", device_type: "phone" as const, brand: "Apple", model: "iPhone 13", imei_serial: "352099001761481" },
  { id: "d2", device_type: "phone" as const, brand: "Samsung", model: "Galaxy A54", imei_serial: null },
  { id: "d3", device_type: "laptop" as const, brand: "Lenovo", model: "ThinkPad X1", imei_serial: "PF3ABC12" },
];

describe("normaliseImeiSerial", () => {
  it("strips separators and uppercases", () => {
    expect(normaliseImeiSerial("35-209900-176148-1")).toBe("352099001761481");
    expect(normaliseImeiSerial(" pf3 abc.12 ")).toBe("PF3ABC12");
    expect(normaliseImeiSerial("  ")).toBeNull();
    expect(normaliseImeiSerial(null)).toBeNull();
  });
  it("validates with a message", () => {
    expect(imeiSerialSchema.parse("35 2099 0017 6148 1")).toBe("352099001761481");
    expect(imeiSerialSchema.safeParse("12").error?.issues[0]?.message).toMatch(/at least 4/);
    expect(imeiSerialSchema.safeParse("ABC#123").success).toBe(false);
  });
});

describe("matchIntakeDevice", () => {
  it("matches by IMEI / serial whatever its format", () => {
    expect(matchIntakeDevice(devices, { device_type: "phone", brand: "x", model: "y", imei_serial: "35 2099 0017 6148 1" })?.id).toBe("d1");
    expect(matchIntakeDevice(devices, { device_type: "laptop", brand: "Lenovo", model: "ThinkPad X1", imei_serial: "pf3abc12" })?.id).toBe("d3");
  });

  it("treats an unknown IMEI as a new device even when the model matches", () => {
    expect(matchIntakeDevice(devices, { device_type: "phone", brand: "Apple", model: "iPhone 13", imei_serial: "999999999999999" })).toBeNull();
  });

  it("matches type, brand and model ignoring case and spacing when no IMEI is given", () => {
    expect(matchIntakeDevice(devices, { device_type: "phone", brand: "samsung", model: " galaxy  a54" })?.id).toBe("d2");
    expect(matchIntakeDevice(devices, { device_type: "tablet", brand: "Samsung", model: "Galaxy A54" })).toBeNull();
  });

  it("prefers the first (most recent) of several matches", () => {
    const twice = [{ ...devices[1]!, id: "new" }, devices[1]!];
    expect(matchIntakeDevice(twice, { device_type: "phone", brand: "Samsung", model: "Galaxy A54", imei_serial: "" })?.id).toBe("new");
  });
});
