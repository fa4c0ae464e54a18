// Medusa's test runner reads the database from DB_* variables; derive them from DATABASE_URL.
if (process.env.DATABASE_URL) {
  const url = new URL(process.env.DATABASE_URL);
  // Medusa asks for TLS from any host but "localhost"; the local cluster speaks plain TCP on loopback.
  process.env.DB_HOST = url.hostname === "127.0.0.1" ? "localhost" : url.hostname;
  process.env.DB_PORT = url.port || "5432";
  process.env.DB_USERNAME = decodeURIComponent(url.username);
  process.env.DB_PASSWORD = decodeURIComponent(url.password);
}

// Suites share a worker (`isolate: false`, see medusa-runner.ts): each starts from the environment
// the worker started with, whatever the suite before it set.
const worker = globalThis as typeof globalThis & { __vshBaseEnv?: NodeJS.ProcessEnv; __vshTsNode?: boolean };
if (!worker.__vshBaseEnv) {
  worker.__vshBaseEnv = { ...process.env };
} else {
  for (const key of Object.keys(process.env)) if (!(key in worker.__vshBaseEnv)) delete process.env[key];
  Object.assign(process.env, worker.__vshBaseEnv);
}

// Medusa loads medusa-config.ts and plugin sources with require(); the Medusa CLI registers
// ts-node for that, and so do we (once per worker).
import { createRequire } from "node:module";
import path from "node:path";
if (!worker.__vshTsNode) {
  const requireCjs = createRequire(path.join(process.cwd(), "package.json"));
  requireCjs("ts-node").register({ transpileOnly: true, swc: true });
  worker.__vshTsNode = true;
}
