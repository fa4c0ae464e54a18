import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const secret = "a-secret-of-32-characters-length";

describe("loadConfig", () => {
  it("fills in the local defaults", () => {
    expect(loadConfig({ JWT_SECRET: secret })).toEqual({
      temporalAddress: "127.0.0.1:7233",
      namespace: "voltura",
      medusaUrl: "http://127.0.0.1:9000",
      jwtSecret: secret,
      healthPort: 9400,
      healthHost: "127.0.0.1",
      maxCachedWorkflows: 20,
    });
  });

  it("reads every variable, and treats an empty one as unset", () => {
    const config = loadConfig({
      JWT_SECRET: secret,
      TEMPORAL_ADDRESS: "temporal.internal:7299",
      TEMPORAL_NAMESPACE: "",
      MEDUSA_URL: "https://shop.example.my",
      WORKER_HEALTH_PORT: "9555",
      WORKER_MAX_CACHED_WORKFLOWS: "50",
    });
    expect(config).toMatchObject({
      temporalAddress: "temporal.internal:7299",
      namespace: "voltura",
      medusaUrl: "https://shop.example.my",
      healthPort: 9555,
      maxCachedWorkflows: 50,
    });
  });

  it("asks for JWT_SECRET when it is missing or short", () => {
    expect(() => loadConfig({})).toThrow(/JWT_SECRET: is required/);
    expect(() => loadConfig({ JWT_SECRET: "short" })).toThrow(/JWT_SECRET: must be at least 16 characters/);
    expect(() => loadConfig({})).toThrow(ConfigError);
  });

  it("lists every bad variable at once", () => {
    let message = "";
    try {
      loadConfig({ JWT_SECRET: secret, TEMPORAL_ADDRESS: "http://x", MEDUSA_URL: "ftp://x", WORKER_HEALTH_PORT: "99999" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("TEMPORAL_ADDRESS: expected host:port");
    expect(loadConfig({ JWT_SECRET: secret, TEMPORAL_ADDRESS: "[::1]:7233" }).temporalAddress).toBe("[::1]:7233");
    expect(message).toContain("MEDUSA_URL");
    expect(message).toContain("WORKER_HEALTH_PORT");
  });
});
