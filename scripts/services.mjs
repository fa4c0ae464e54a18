#!/usr/bin/env node
// `npm run services` starts PostgreSQL (pgvector) and the Temporal dev server on loopback;
// `npm run services:stop` stops them. Given URLs (DATABASE_URL, TEMPORAL_ADDRESS) are only checked.
import { devEnv } from "./lib/env.mjs";
import { log } from "./lib/log.mjs";
import { ensureDevServices, stopDevServices } from "./lib/stack.mjs";

const command = process.argv[2] ?? "up";
if (command === "down") {
  stopDevServices();
  log("postgres", "stopped");
} else {
  const env = await ensureDevServices(devEnv());
  log("postgres", `DATABASE_URL=${env.DATABASE_URL}`);
  log("temporal", `TEMPORAL_ADDRESS=${env.TEMPORAL_ADDRESS}  UI ${env.TEMPORAL_UI_URL}`);
}
