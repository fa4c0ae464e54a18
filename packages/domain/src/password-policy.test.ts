import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, isAcceptablePassword, passwordProblems, refinePasswordField } from "./password-policy.js";

describe("passwordProblems", () => {
  it.each([
    ["short", "Abc-12345", `must be at least ${PASSWORD_MIN_LENGTH} characters`],
    ["too long", "x".repeat(PASSWORD_MAX_LENGTH - 4) + "Qz7!w", `must be at most ${PASSWORD_MAX_LENGTH} characters`],
    ["a common long password", "qwertyuiop", "is one of the most common passwords; choose something less predictable"],
    ["a common password in capitals", "Password123", "is one of the most common passwords; choose something less predictable"],
    ["a common word with digits and symbols", "Sunshine2026!", "is a common password with a few characters added; choose something less predictable"],
    ["a common word in leetspeak", "P@ssw0rd2026!", "is a common password with a few characters added; choose something less predictable"],
    ["a local favourite", "Malaysia2026", "is a common password with a few characters added; choose something less predictable"],
    ["one character repeated", "zzzzzzzzzzzz", "must not be one or two characters repeated"],
  ])("refuses %s", (_label, password, message) => {
    expect(passwordProblems(password)).toContain(message);
  });

  it("accepts exactly the minimum length and exactly the maximum", () => {
    expect(passwordProblems("tq8-Lmv#2x")).toEqual([]);
    expect(passwordProblems("tq8-Lmv#2x".padEnd(PASSWORD_MAX_LENGTH, "k7"))).toEqual([]);
  });

  it("accepts a passphrase", () => {
    expect(isAcceptablePassword("kedai baiki telefon di Cheras", { email: "farid@voltura.my", name: "Farid Ismail" })).toBe(true);
  });

  it("refuses a password containing the email's name or parts of it", () => {
    expect(passwordProblems("farid.ismail-77Q", { email: "farid.ismail@voltura.my" })).toContain("must not contain your email address or your name");
    expect(passwordProblems("XyIsmail!2026q", { email: "farid.ismail@voltura.my" })).toContain("must not contain your email address or your name");
    expect(passwordProblems("hello-Farid-77Q", { name: "Farid Ismail" })).toContain("must not contain your email address or your name");
  });

  it("ignores short name parts (too common to forbid)", () => {
    expect(passwordProblems("Ali-kedai-99Qw", { email: "ali@voltura.my", name: "Ali" })).toEqual([]);
  });
});

describe("refinePasswordField", () => {
  const schema = z
    .object({ email: z.string(), new_password: z.string() })
    .superRefine(refinePasswordField<{ email: string; new_password: string }>("new_password"));

  it("names the field in each issue", () => {
    const r = schema.safeParse({ email: "siti@voltura.my", new_password: "siti-is-great-2026" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["new_password", "must not contain your email address or your name"]]);
  });

  it("passes a good password through", () => {
    expect(schema.safeParse({ email: "siti@voltura.my", new_password: "batu-caves-Lorong-9" }).success).toBe(true);
  });
});
