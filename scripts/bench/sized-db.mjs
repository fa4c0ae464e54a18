// The two bench databases and how they are made: the demo shop (`voltura_bench`) and five years of a
// busy shop (`voltura_scale`, `npm run seed:scale` on top of the demo shop, kept between runs).
// Shared by `npm run bench:scale` and `npm run bench:lighthouse`.
import path from "node:path";
import { repoRoot, testEnv } from "../lib/env.mjs";
import { run } from "../lib/processes.mjs";
import { localDatabaseUrl, psql } from "../lib/services.mjs";

export const BENCH_DATABASES = { demo: "voltura_bench", scale: "voltura_scale" };

/** The test profile on its own ports, against `database`; commerce only (the worker is not started). */
export function benchEnvFor(database, { commercePort = 9200, temporalPort = 7253, temporalUiPort = 8253, workerHealthPort = 9420 } = {}) {
  return {
    ...testEnv(), DATABASE_URL: localDatabaseUrl(database), DATABASE_GIVEN: "",
    MEDUSA_PORT: String(commercePort), MEDUSA_URL: `http://127.0.0.1:${commercePort}`,
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`, TEMPORAL_GIVEN: "",
    TEMPORAL_UI_PORT: String(temporalUiPort), TEMPORAL_UI_URL: `http://127.0.0.1:${temporalUiPort}`,
    WORKER_HEALTH_PORT: String(workerHealthPort), LOG_LEVEL: "error",
  };
}

/** Migrations, the demo shop and (for the big size) five years of history; each is a no-op when done. */
export async function prepareSizedDatabase(size, database, env, { root = repoRoot, seed = true } = {}) {
  const medusa = path.join(root, "node_modules", ".bin", "medusa");
  const commerceDir = path.join(root, "commerce");
  await run("commerce", medusa, ["db:migrate", "--execute-safe-links"], { cwd: commerceDir, env, quiet: true });
  if (!seed) return;
  await run("seed", medusa, ["exec", "./src/scripts/seed-demo.ts"], { cwd: commerceDir, env, quiet: true });
  if (size === "scale") await run("seed:scale", process.execPath, [path.join(repoRoot, "scripts", "seed-scale.mjs")], { cwd: repoRoot, env });
  psql("ANALYZE", database);
}

/** Waits (up to 5 min) for the reports' daily rows to cover every day before today: their first fill runs as a job after start. */
export async function reportDaysReady(database) {
  const ready = `SELECT coalesce((SELECT complete_before >= to_char(now() AT TIME ZONE 'Asia/Kuala_Lumpur', 'YYYY-MM-DD')
    FROM report_refresh_state WHERE id = 'daily'), false)`;
  if (psql("SELECT to_regclass('report_refresh_state') IS NOT NULL", database) !== "t") return;
  for (let waited = 0; waited < 300 && psql(ready, database) !== "t"; waited += 2) await new Promise((r) => setTimeout(r, 2000));
}
