import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["src/**/*.test.ts"], exclude: ["src/**/*.it.test.ts"] } },
      { test: { name: "integration", include: ["src/**/*.it.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 } },
    ],
  },
});
