import path from "node:path";
import { defineConfig } from "vitest/config";

// Medusa's medusaIntegrationTestRunner registers suites with the global describe/beforeAll/…,
// so these suites run with Vitest globals, one file at a time (each boots Medusa on its own DB,
// a copy of the database global-setup.ts migrates once: see integration-tests/medusa-runner.ts).
export default defineConfig({
  resolve: {
    alias: [{ find: /^@medusajs\/test-utils$/, replacement: path.resolve(import.meta.dirname, "integration-tests/medusa-runner.ts") }],
  },
  test: {
    globals: true,
    include: ["integration-tests/http/**/*.spec.ts"],
    globalSetup: ["./integration-tests/global-setup.ts"],
    setupFiles: ["./integration-tests/setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: "forks",
  },
});
