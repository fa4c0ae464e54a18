// The integrity check (`GET /admin/integrity`) run straight against the database: the platform
// plugin's own checks (its build output, `plugins/platform/.medusa/server`), each one SQL read and
// its pure rows → breaches rule, so the seeded shop is checked exactly as the route checks it
// without booting commerce.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { repoRoot } from "../lib/env.mjs";

const require = createRequire(import.meta.url);
const CHECK_TIMEOUT = "10min";
const CHECKS = path.join(repoRoot, "plugins/platform/.medusa/server/src/integrity/checks/index.js");

/** Runs every check; returns [{ check, ok, breaches, seconds, first }] and whether all passed. */
export async function runIntegrity(databaseUrl, now = new Date()) {
  if (!existsSync(CHECKS)) throw new Error("the platform plugin is not built — run `npx medusa plugin:build` in plugins/platform");
  const { INTEGRITY_CHECKS } = require(CHECKS);
  const knex = require("knex")({ client: "pg", connection: databaseUrl, pool: { min: 0, max: 1 } });
  const results = [];
  try {
    // One connection (pool of 1), so the limit holds for every check: a query that cannot finish at
    // this size shows up as a failed check instead of a run that never ends.
    await knex.raw(`SET statement_timeout = '${CHECK_TIMEOUT}'`);
    for (const check of INTEGRITY_CHECKS) {
      const started = performance.now();
      try {
        const { rows } = await knex.raw(check.sql, check.params?.({ now }) ?? []);
        const breaches = check.evaluate(rows, { now });
        results.push({ check: check.name, ok: breaches.length === 0, breaches: breaches.length, seconds: secondsSince(started), first: breaches[0]?.message ?? "" });
      } catch (error) {
        results.push({ check: check.name, ok: false, breaches: 0, seconds: secondsSince(started), first: `query failed: ${error.message}` });
      }
    }
  } finally {
    await knex.destroy();
  }
  return { ok: results.every((r) => r.ok), results };
}

const secondsSince = (started) => Number(((performance.now() - started) / 1000).toFixed(2));
