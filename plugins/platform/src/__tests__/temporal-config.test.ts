import { describe, expect, it } from "vitest";
import { readTemporalConfig } from "../modules/temporal/config";

describe("readTemporalConfig", () => {
  it("defaults to the local dev server and the voltura namespace", () => {
    expect(readTemporalConfig({})).toEqual({ TEMPORAL_ADDRESS: "127.0.0.1:7233", TEMPORAL_NAMESPACE: "voltura" });
  });
  it("honours TEMPORAL_ADDRESS", () => {
    expect(readTemporalConfig({ TEMPORAL_ADDRESS: "temporal:7233" }).TEMPORAL_ADDRESS).toBe("temporal:7233");
  });
  it("refuses an empty namespace", () => {
    expect(() => readTemporalConfig({ TEMPORAL_NAMESPACE: "" })).toThrow("Temporal settings are invalid");
  });
});
