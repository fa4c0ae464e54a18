import { describe, expect, it } from "vitest";
import { MANAGERS, roleAllowed } from "./roles.js";

describe("roleAllowed", () => {
  it("allows listed roles only", () => {
    expect(roleAllowed("manager", MANAGERS)).toBe(true);
    expect(roleAllowed("cashier", MANAGERS)).toBe(false);
  });
  it("denies missing or unknown roles", () => {
    expect(roleAllowed(undefined, MANAGERS)).toBe(false);
    expect(roleAllowed("", MANAGERS)).toBe(false);
    expect(roleAllowed("root", MANAGERS)).toBe(false);
  });
});
