import { describe, expect, it } from "vitest";
import { checkCompatibility, compareVersions } from "./compatibility.js";

describe("compareVersions", () => {
  it("orders by major, minor, patch numerically", () => {
    expect(compareVersions("1.10.0", "1.9.9")).toBe(1);
    expect(compareVersions("0.1.0", "0.1.0")).toBe(0);
    expect(compareVersions("2.0.0", "10.0.0")).toBe(-1);
    expect(compareVersions("v1.2.3", "1.2.3")).toBe(0);
  });
  it("ranks a release above its prereleases and ignores build metadata", () => {
    expect(compareVersions("1.0.0-rc.1", "1.0.0")).toBe(-1);
    expect(compareVersions("1.0.0", "1.0.0-rc.1")).toBe(1);
    expect(compareVersions("1.0.0-rc.2", "1.0.0-rc.10")).toBe(-1);
    expect(compareVersions("1.0.0-alpha", "1.0.0-alpha.1")).toBe(-1);
    expect(compareVersions("1.0.0-1", "1.0.0-alpha")).toBe(-1);
    expect(compareVersions("1.0.0+build.7", "1.0.0+build.9")).toBe(0);
  });
  it("throws on something that is not a version", () => {
    expect(() => compareVersions("latest", "1.0.0")).toThrow(/not a semantic version: latest/);
  });
});

describe("checkCompatibility", () => {
  const live = { appVersion: "1.4.0", migrations: ["Migration1", "Migration2", "link:a_b", "script:seed"] };

  it("accepts a backup of the same version and migrations, with nothing pending", () => {
    expect(checkCompatibility({ appVersion: "1.4.0", migrations: [...live.migrations] }, live)).toEqual({ ok: true, pendingMigrations: [] });
  });
  it("returns the migrations an older backup lacks, sorted", () => {
    expect(checkCompatibility({ appVersion: "1.2.9", migrations: ["Migration1"] }, live))
      .toEqual({ ok: true, pendingMigrations: ["Migration2", "link:a_b", "script:seed"] });
  });
  it("refuses a backup made by a newer version", () => {
    const result = checkCompatibility({ appVersion: "1.10.0", migrations: ["Migration1"] }, live);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toMatch(/1\.10\.0, newer than this app \(1\.4\.0\)/);
  });
  it("refuses a backup holding migrations the live database has not applied, even at the same version", () => {
    const result = checkCompatibility({ appVersion: "1.4.0", migrations: [...live.migrations, "Migration3"] }, live);
    expect(!result.ok && result.reason).toMatch(/1 migration\(s\) this app has not applied \(Migration3\)/);
  });
  it("refuses an unreadable version instead of guessing", () => {
    expect(checkCompatibility({ appVersion: "yesterday", migrations: [] }, live)).toMatchObject({ ok: false });
  });
});
