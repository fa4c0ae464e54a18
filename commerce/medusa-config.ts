import { defineConfig, loadEnv } from "@medusajs/framework/utils";
import { fileProvider, readCommerceEnv } from "./env";

loadEnv(process.env.NODE_ENV || "development", process.cwd());
const env = readCommerceEnv();

/** With REDIS_URL, several commerce instances share events, locks, caches and workflow state. */
const redisModules = env.REDIS_URL
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl: env.REDIS_URL } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl: env.REDIS_URL } } },
      {
        resolve: "@medusajs/medusa/locking",
        options: { providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl: env.REDIS_URL } }] },
      },
      {
        resolve: "@medusajs/medusa/caching",
        options: { providers: [{ resolve: "@medusajs/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl: env.REDIS_URL } }] },
      },
    ]
  : [];

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    workerMode: env.MEDUSA_WORKER_MODE,
    databaseDriverOptions: { pool: { min: 0, max: 20 } },
    http: {
      // The console calls the commerce core from its server; browsers never do.
      storeCors: env.CONSOLE_URL,
      adminCors: env.CONSOLE_URL,
      authCors: env.CONSOLE_URL,
      jwtSecret: env.JWT_SECRET,
      cookieSecret: env.COOKIE_SECRET,
    },
  },
  admin: { disable: true, backendUrl: env.MEDUSA_BACKEND_URL },
  plugins: [
    { resolve: "@voltura/plugin-platform", options: {} },
    { resolve: "@voltura/plugin-repair", options: {} },
    { resolve: "@voltura/plugin-crm", options: {} },
    { resolve: "@voltura/plugin-whatsapp", options: {} },
    { resolve: "@voltura/plugin-concierge", options: {} },
    { resolve: "@voltura/plugin-inventory", options: {} },
    { resolve: "@voltura/plugin-pos", options: {} },
    { resolve: "@voltura/plugin-invoicing", options: {} },
    { resolve: "@voltura/plugin-reports", options: {} },
    { resolve: "@voltura/plugin-campaigns", options: {} },
    { resolve: "@voltura/plugin-operations", options: {} },
  ],
  modules: [
    ...redisModules,
    { resolve: "@medusajs/medusa/file", options: { providers: [fileProvider(env)] } },
  ],
});
