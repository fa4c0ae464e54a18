import { beforeAll } from "vitest";
import { Client } from "pg";
// The package itself, by path: `@medusajs/test-utils` is aliased to this file (vitest.config.mts).
import * as upstream from "@medusajs/test-utils/dist/index.js";
import { MIGRATED_TEMPLATE_ENV } from "./migrated-template";

export * from "@medusajs/test-utils/dist/index.js";

type RunnerOptions = Parameters<typeof upstream.medusaIntegrationTestRunner>[0];

function adminUrl(): string {
  const url = new URL(process.env.DATABASE_URL ?? "postgres://localhost/postgres");
  url.pathname = "/postgres";
  return url.toString();
}

/**
 * Medusa's runner, starting each suite's database as a copy of one database migrated once for the
 * whole run (see global-setup.ts): the runner then finds every migration applied instead of
 * running them all again for each file.
 */
export function medusaIntegrationTestRunner(options: RunnerOptions): ReturnType<typeof upstream.medusaIntegrationTestRunner> {
  const template = process.env[MIGRATED_TEMPLATE_ENV];
  if (template && options.dbName) {
    const dbName = options.dbName;
    beforeAll(async () => {
      const admin = new Client({ connectionString: adminUrl() });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${dbName}" TEMPLATE "${template}"`);
      } finally {
        await admin.end();
      }
    });
  }
  return upstream.medusaIntegrationTestRunner(options);
}
