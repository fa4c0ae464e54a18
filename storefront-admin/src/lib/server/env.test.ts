import { describe, expect, it } from "vitest";
import { ConsoleEnvError, parseConsoleEnv } from "./env";

const base = {
  DATABASE_URL: "postgres://voltura:voltura@127.0.0.1:55432/voltura",
  JWT_SECRET: "dev-only-jwt-secret-change-me-0123456789",
};

describe("console environment", () => {
  it("accepts the minimum and defaults MEDUSA_URL", () => {
    const env = parseConsoleEnv(base);
    expect(env.MEDUSA_URL).toBe("http://127.0.0.1:9000");
    expect(env.clerkEnabled).toBe(false);
    expect(env.TEMPORAL_UI_URL).toBeUndefined();
  });

  it("names every variable to set, and why", () => {
    const error = (() => {
      try {
        parseConsoleEnv({ JWT_SECRET: "short", MEDUSA_URL: "not a url" });
      } catch (e) {
        return e as ConsoleEnvError;
      }
    })();
    expect(error).toBeInstanceOf(ConsoleEnvError);
    expect(error?.message).toMatch(/DATABASE_URL is not set/);
    expect(error?.message).toMatch(/JWT_SECRET must be at least 16 characters/);
    expect(error?.message).toMatch(/MEDUSA_URL must be/);
    expect(error?.message).toMatch(/Set these environment variables/);
  });

  it("treats empty optional values as unset", () => {
    const env = parseConsoleEnv({ ...base, TEMPORAL_UI_URL: "", CLERK_SECRET_KEY: " ", PUBLIC_CLERK_PUBLISHABLE_KEY: "" });
    expect(env.clerkEnabled).toBe(false);
    expect(env.TEMPORAL_UI_URL).toBeUndefined();
  });

  it("turns Clerk on only when both keys are set", () => {
    expect(parseConsoleEnv({ ...base, CLERK_SECRET_KEY: "sk_test_x", PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_x" }).clerkEnabled).toBe(true);
    expect(() => parseConsoleEnv({ ...base, CLERK_SECRET_KEY: "sk_test_x" })).toThrow(/must be set together/);
  });

  it("refuses a non-postgres DATABASE_URL", () => {
    expect(() => parseConsoleEnv({ ...base, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it("defaults sessions to 12 idle hours and 7 days at most", () => {
    const env = parseConsoleEnv(base);
    expect(env.SESSION_IDLE_TIMEOUT_HOURS).toBe(12);
    expect(env.SESSION_MAX_AGE_DAYS).toBe(7);
    expect(parseConsoleEnv({ ...base, SESSION_IDLE_TIMEOUT_HOURS: "", SESSION_MAX_AGE_DAYS: " " }).SESSION_MAX_AGE_DAYS).toBe(7);
  });

  it("reads session limits and refuses nonsense", () => {
    const env = parseConsoleEnv({ ...base, SESSION_IDLE_TIMEOUT_HOURS: "0.5", SESSION_MAX_AGE_DAYS: "1" });
    expect(env.SESSION_IDLE_TIMEOUT_HOURS).toBe(0.5);
    expect(env.SESSION_MAX_AGE_DAYS).toBe(1);
    expect(() => parseConsoleEnv({ ...base, SESSION_IDLE_TIMEOUT_HOURS: "0" })).toThrow(/SESSION_IDLE_TIMEOUT_HOURS must be more than 0 hours/);
    expect(() => parseConsoleEnv({ ...base, SESSION_IDLE_TIMEOUT_HOURS: "twelve" })).toThrow(/SESSION_IDLE_TIMEOUT_HOURS must be a number of hours/);
    expect(() => parseConsoleEnv({ ...base, SESSION_MAX_AGE_DAYS: "365" })).toThrow(/SESSION_MAX_AGE_DAYS must be at most 90 days/);
  });

  it("reads extra image origins for the Content-Security-Policy", () => {
    expect(parseConsoleEnv(base).CSP_IMAGE_ORIGINS).toEqual([]);
    const env = parseConsoleEnv({ ...base, CSP_IMAGE_ORIGINS: "https://photos.example.com/repair/, https://cdn.example.com:8443" });
    expect(env.CSP_IMAGE_ORIGINS).toEqual(["https://photos.example.com", "https://cdn.example.com:8443"]);
    expect(() => parseConsoleEnv({ ...base, CSP_IMAGE_ORIGINS: "javascript:alert(1)" })).toThrow(/CSP_IMAGE_ORIGINS/);
    expect(() => parseConsoleEnv({ ...base, CSP_IMAGE_ORIGINS: "photos.example.com" })).toThrow(/CSP_IMAGE_ORIGINS/);
  });
});
