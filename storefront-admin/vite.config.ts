import { paraglideVitePlugin } from "@inlang/paraglide-js";
import tailwindcss from "@tailwindcss/vite";
import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vitest/config";
import { paraglideOptions } from "./paraglide.config.js";

export default defineConfig({
  plugins: [paraglideVitePlugin(paraglideOptions), tailwindcss(), sveltekit()],
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
  test: {
    expect: { requireAssertions: true },
    projects: [
      {
        // Pure server logic: sessions, access map, rate limiter, Clerk mapping. No network, no DB.
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["src/**/*.test.ts"],
          exclude: ["src/**/*.integration.test.ts"],
          // Files share their worker's modules: Paraglide's messages (thousands of functions) are
          // evaluated once per worker instead of once per file (~100 s → ~20 s for the console's units).
          isolate: false,
        },
      },
      {
        // Needs PostgreSQL: DATABASE_URL must be set (the test harness provides it).
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["src/**/*.integration.test.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
