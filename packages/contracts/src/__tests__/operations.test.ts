import { describe, expect, it } from "vitest";
import { backupDownloadPath } from "../operations.js";

describe("operations paths", () => {
  it("escapes the backup id in the download path", () => {
    expect(backupDownloadPath("a/b")).toBe("/admin/operations/backups/a%2Fb/download");
  });
});
