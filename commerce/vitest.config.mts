import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const httpSuites = "integration-tests/http";
/**
 * Suites that set the environment (a `process.env.X =` anywhere in the file, or the runner's `env`)
 * or watch Medusa boot: each boots Medusa on its own, in a process of its own. Every other suite
 * shares one boot (integration-tests/medusa-runner.ts).
 */
// Any assignment: a variable set during a test may leave a client built from it in a service
// (concierge-answer.spec.ts points OpenAI at a fake server), which the next suite would inherit.
const setsBootEnvironment = (source: string) => /process\.env\.\w+\s*=[^=]|delete process\.env\.|^\s*env:\s*\{/m.test(source);
/** Suites that watch Medusa boot (access-matrix.spec.ts reads the routes off the Express app as it starts listening). */
const watchesBoot = new Set(["access-matrix.spec.ts"]);
const ownBoot = readdirSync(path.join(import.meta.dirname, httpSuites))
  .filter((f) => f.endsWith(".spec.ts"))
  .filter((f) => watchesBoot.has(f) || setsBootEnvironment(readFileSync(path.join(import.meta.dirname, httpSuites, f), "utf8")))
  .map((f) => `${httpSuites}/${f}`);

// Medusa's medusaIntegrationTestRunner registers suites with the global describe/beforeAll/…,
// so these suites run with Vitest globals, one file at a time. In the `shared-boot` project one
// worker keeps Medusa booted from file to file (`isolate: false`); each suite still starts on a fresh
// copy of the database global-setup.ts migrates once (see integration-tests/medusa-runner.ts).
export default defineConfig({
  resolve: {
    alias: [{ find: /^@medusajs\/test-utils$/, replacement: path.resolve(import.meta.dirname, "integration-tests/medusa-runner.ts") }],
  },
  test: {
    globals: true,
    globalSetup: ["./integration-tests/global-setup.ts"],
    setupFiles: ["./integration-tests/setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "shared-boot", include: [`${httpSuites}/**/*.spec.ts`], exclude: ownBoot, isolate: false } },
      { extends: true, test: { name: "own-boot", include: ownBoot.length ? ownBoot : ["no-such-file"], isolate: true, env: { VOLTURA_IT_OWN_BOOT: "1" } } },
    ],
  },
});
