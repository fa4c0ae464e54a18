import { defineConfig } from "vitest/config";

// `unit` needs nothing running. `integration` needs a Temporal server: the one at
// TEMPORAL_ADDRESS, or a dev server it starts from the Temporal CLI (see src/__tests__).
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: "unit", include: ["src/**/*.test.ts"], exclude: ["src/**/*.int.test.ts"] },
      },
      {
        test: {
          name: "integration",
          include: ["src/**/*.int.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
