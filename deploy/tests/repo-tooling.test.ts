// Lint must not depend on build timing: `npm test` runs turbo's lint right after the build, and
// `medusa plugin:build` writes src/admin/__admin-extensions__.js while it bundles a plugin.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ESLint } from "eslint";
import { afterEach, describe, expect, it } from "vitest";
import { read, repoRoot } from "./compose-fixture.js";

const GENERATED = [
  "plugins/reports/src/admin/__admin-extensions__.js",
  "plugins/repair/src/admin/__admin-extensions__.js",
  "plugins/reports/.medusa/server/src/api/admin/reports/route.js",
  "commerce/.medusa/server/medusa-config.js",
  "storefront-admin/.svelte-kit/output/server/index.js",
  "storefront-admin/build/index.js",
  "packages/domain/dist/index.js",
];

describe("lint and the build", () => {
  it("ignores generated files and build output", async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    for (const file of GENERATED) expect(await eslint.isPathIgnored(file), file).toBe(true);
  });

  it("still lints the sources next to them", async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    for (const file of ["plugins/reports/src/reports/export.ts", "scripts/lib/apps.mjs", "deploy/tests/compose-fixture.ts"]) {
      expect(await eslint.isPathIgnored(file), file).toBe(false);
    }
  });

  it("hashes builds the same way for `turbo run build` and for lint's ^build (no rebuild racing lint)", () => {
    const turbo = JSON.parse(read("turbo.json")) as { envMode?: string; tasks: Record<string, { dependsOn?: string[] }> };
    // scripts/lib/apps.mjs builds with --env-mode=loose (medusa build reads the commerce settings).
    expect(read("scripts/lib/apps.mjs")).toContain("--env-mode=loose");
    expect(turbo.envMode).toBe("loose");
    expect(turbo.tasks.lint?.dependsOn).toContain("^build");
  });
});

describe("what `npm start` exposes", () => {
  type Profile = Record<string, string>;
  const load = async () =>
    (await import(pathToFileURL(path.join(repoRoot, "scripts/lib/env.mjs")).href)) as { devEnv(): Profile; testEnv(): Profile };
  const saved = {
    COMMERCE_HOST: process.env.COMMERCE_HOST, CONSOLE_HOST: process.env.CONSOLE_HOST, MEDUSA_URL: process.env.MEDUSA_URL,
    CONSOLE_URL: process.env.CONSOLE_URL, MAIL_OUTBOX_DIR: process.env.MAIL_OUTBOX_DIR,
  };

  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("binds commerce and the console to loopback unless told otherwise", async () => {
    for (const key of Object.keys(saved)) delete process.env[key];
    const env = (await load()).devEnv();
    expect(env.COMMERCE_HOST).toBe("127.0.0.1");
    expect(env.CONSOLE_HOST).toBe("127.0.0.1");
    expect(env.MEDUSA_URL).toBe("http://127.0.0.1:9000");
    expect(env.CONSOLE_URL).toBe("http://localhost:5173");
    const apps = read("scripts/lib/apps.mjs");
    expect(apps).toContain('HOST: env.COMMERCE_HOST || "127.0.0.1"');
    expect(apps).toContain('HOST: env.CONSOLE_HOST || "127.0.0.1"');
  });

  it("exposes them only when asked, and keeps the printed URLs reachable", async () => {
    for (const key of Object.keys(saved)) delete process.env[key];
    process.env.COMMERCE_HOST = "0.0.0.0";
    process.env.CONSOLE_HOST = "192.168.1.20";
    const env = (await load()).devEnv();
    expect(env.COMMERCE_HOST).toBe("0.0.0.0");
    expect(env.MEDUSA_URL).toBe("http://127.0.0.1:9000");
    expect(env.CONSOLE_URL).toBe("http://192.168.1.20:5173");
  });

  it("keeps unsent mail outside commerce's public /static", async () => {
    delete process.env.MAIL_OUTBOX_DIR;
    const { devEnv, testEnv } = await load();
    for (const env of [devEnv(), testEnv()]) {
      expect(env.MAIL_OUTBOX_DIR?.startsWith(path.join(repoRoot, ".data"))).toBe(true);
      expect(env.MAIL_OUTBOX_DIR).not.toMatch(/[\\/]static([\\/]|$)/);
    }
  });
});
