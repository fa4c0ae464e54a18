import { describe, expect, it } from "vitest";
import { databaseNameOf, restoreNames, shortRunId, withDatabase } from "./names.js";

describe("restore names", () => {
  it("takes the last 8 letters and digits of the run id, lower case", () => {
    expect(shortRunId("rr_01JEXAMPLEABCDEF12")).toBe("abcdef12");
    expect(shortRunId("rr_abc")).toBe("abc");
    expect(() => shortRunId("rr_")).toThrow(/no letters or digits/);
  });
  it("names the new, old and copy databases and the uploads folders beside the live ones", () => {
    const common = { live: "voltura", runId: "rr_01JXYZ0000ABCD1234", startedAt: new Date("2026-12-07T01:02:03Z"), uploadsDir: "/srv/static/", backupDir: "/srv/backups" };
    expect(restoreNames({ ...common, mode: "restore" })).toEqual({
      live: "voltura", target: "voltura_rabcd1234", previous: "voltura_pre_abcd1234",
      stagedUploads: "/srv/static.rabcd1234", previousUploads: "/srv/static.pre_abcd1234", workDir: "/srv/backups/.restore-abcd1234",
    });
    expect(restoreNames({ ...common, mode: "copy" })).toMatchObject({ target: "voltura_copy_20261207_abcd1234", stagedUploads: "/srv/static.copy_20261207_abcd1234" });
  });
  it("refuses a name longer than PostgreSQL keeps", () => {
    expect(() => restoreNames({ live: "x".repeat(60), runId: "rr_1", mode: "restore", startedAt: new Date(), uploadsDir: "/u", backupDir: "/b" })).toThrow(/63 bytes/);
  });
  it("swaps the database of a URL and keeps the rest", () => {
    const url = withDatabase("postgres://u:p@127.0.0.1:55432/voltura?sslmode=disable", "voltura_pre_1");
    expect(url).toBe("postgres://u:p@127.0.0.1:55432/voltura_pre_1?sslmode=disable");
    expect(databaseNameOf(url)).toBe("voltura_pre_1");
  });
});
