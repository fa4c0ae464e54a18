import { describe, expect, it } from "vitest";
import { disconnectReasonText } from "./disconnect-reason";

describe("disconnectReasonText", () => {
  it("translates the transport's close reasons", () => {
    expect(disconnectReasonText("accessTokenRejected")).toMatch(/access token/i);
    expect(disconnectReasonText("loggedOut")).not.toBe("loggedOut");
  });

  it("shows an unknown reason as stored", () => {
    expect(disconnectReasonText("somethingNew")).toBe("somethingNew");
    expect(disconnectReasonText("toString")).toBe("toString");
  });
});
