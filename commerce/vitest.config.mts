import { defineConfig } from "vitest/config";

// Medusa's medusaIntegrationTestRunner registers suites with the global describe/beforeAll/…,
// so these suites run with Vitest globals, one file at a time (each boots Medusa on its own DB).
export default defineConfig({
  test: {
    globals: true,
    include: ["integration-tests/http/**/*.spec.ts"],
    setupFiles: ["./integration-tests/setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: "forks",
  },
});
