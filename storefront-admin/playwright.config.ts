import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests against a running stack: the console at CONSOLE_URL (default
 * http://localhost:5173) and the commerce core it talks to, seeded with the demo staff.
 * No webServer here: the repo's test harness starts the stack.
 */
export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  // The maintenance spec restores a backup, which swaps the stack's database: it runs alone, after every
  // other spec (one worker runs the projects in this order).
  projects: [
    { name: "console", testIgnore: /maintenance\.spec\.ts$/ },
    { name: "operations", testMatch: /maintenance\.spec\.ts$/ },
  ],
  use: {
    baseURL: process.env.CONSOLE_URL ?? "http://localhost:5173",
    browserName: "chromium",
    locale: "en-MY",
    timezoneId: "Asia/Kuala_Lumpur",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
});
