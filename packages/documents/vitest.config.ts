import { defineConfig } from "vitest/config";

// PDF rendering (and rasterising it to compare ink) takes seconds on a busy 2-core machine.
export default defineConfig({ test: { include: ["src/**/*.test.ts"], testTimeout: 30_000 } });
