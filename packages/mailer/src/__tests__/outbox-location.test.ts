import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mailerConfigFromEnv } from "../index.js";

/** A commerce working folder: `static` is what Medusa serves at /static. */
const root = mkdtempSync(path.join(tmpdir(), "voltura-mailer-"));
const cwd = path.join(root, "server");
const uploads = path.join(root, "uploads");
mkdirSync(cwd, { recursive: true });
mkdirSync(uploads, { recursive: true });
// As in the commerce image: <cwd>/static is a link to the uploads volume.
symlinkSync(uploads, path.join(cwd, "static"));

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the mail outbox location", () => {
  it("defaults to .data/outbox under the working folder, outside /static", () => {
    expect(mailerConfigFromEnv({}, cwd).outboxDir).toBe(path.join(cwd, ".data", "outbox"));
  });

  it("accepts a folder of its own", () => {
    expect(mailerConfigFromEnv({ MAIL_OUTBOX_DIR: path.join(root, "outbox") }, cwd).outboxDir).toBe(path.join(root, "outbox"));
  });

  it.each([
    ["the served folder itself", () => path.join(cwd, "static")],
    ["a folder under it", () => path.join(cwd, "static", "outbox")],
    ["a relative path into it", () => "static/outbox"],
    ["the real folder behind the link (the compose volume)", () => path.join(uploads, "outbox")],
    ["a path that climbs back into it", () => path.join(root, "elsewhere", "..", "uploads", "mail")],
  ])("refuses %s, which commerce would publish", (_name, dir) => {
    expect(() => mailerConfigFromEnv({ MAIL_OUTBOX_DIR: dir() }, cwd)).toThrow(/MAIL_OUTBOX_DIR .* serves publicly at \/static/);
  });
});
