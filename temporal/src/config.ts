import { dbOpsConfigFromEnv, type DbOpsConfig } from "@voltura/db-ops";
import { z } from "zod";

/** Treats `NAME=` like an unset variable, so the default applies. */
function fromEnv<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema);
}

/** host:port, where host is a name, an IPv4 address or a bracketed IPv6 address. */
const HOST_PORT = /^(\[[\da-fA-F:]+\]|[^\s:/[\]]+):\d+$/;

const envSchema = z.object({
  TEMPORAL_ADDRESS: fromEnv(
    z.string().trim().regex(HOST_PORT, "expected host:port, e.g. 127.0.0.1:7233").default("127.0.0.1:7233"),
  ),
  TEMPORAL_NAMESPACE: fromEnv(z.string().trim().min(1).default("voltura")),
  MEDUSA_URL: fromEnv(z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:9000")),
  JWT_SECRET: fromEnv(
    z
      .string({ error: "is required — set it to the commerce core's JWT_SECRET (at least 16 characters)" })
      .min(16, "must be at least 16 characters — set it to the commerce core's JWT_SECRET"),
  ),
  WORKER_HEALTH_PORT: fromEnv(z.coerce.number().int().min(0).max(65_535).default(9400)),
  WORKER_HEALTH_HOST: fromEnv(z.string().trim().min(1).default("127.0.0.1")),
  WORKER_MAX_CACHED_WORKFLOWS: fromEnv(z.coerce.number().int().min(0).max(100_000).default(20)),
});

export interface WorkerConfig {
  temporalAddress: string;
  namespace: string;
  medusaUrl: string;
  jwtSecret: string;
  healthPort: number;
  healthHost: string;
  /** Workflows kept in memory between tasks; an evicted one is replayed from history when it wakes. */
  maxCachedWorkflows: number;
}

/** A configuration problem the operator must fix; the message says how. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`The Temporal worker cannot start:\n${problems.join("\n")}`);
  }
  const e = result.data;
  return {
    temporalAddress: e.TEMPORAL_ADDRESS,
    namespace: e.TEMPORAL_NAMESPACE,
    medusaUrl: e.MEDUSA_URL,
    jwtSecret: e.JWT_SECRET,
    healthPort: e.WORKER_HEALTH_PORT,
    healthHost: e.WORKER_HEALTH_HOST,
    maxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
  };
}

/** Backups, restores and optimisation: db-ops' configuration from env, or the reason it is unusable. */
export interface OperationsConfig {
  dbOps: DbOpsConfig | { error: string };
  /** REINDEX CONCURRENTLY over this estimated index bloat (0..1). */
  bloatThreshold: number;
}

const bloatThresholdSchema = fromEnv(z.coerce.number().gt(0).lt(1).default(0.3));

/**
 * BACKUP_DATABASE_URL, BACKUP_DIR, UPLOADS_DIR, VOLTURA_KEYS_FILE and BACKUP_S3_* through
 * `dbOpsConfigFromEnv` (its errors name the variable). A problem does not stop the worker (it also
 * runs the repair flows): it is logged, and every backup then fails with it, which alerts the owners.
 */
export function loadOperationsConfig(env: NodeJS.ProcessEnv = process.env): OperationsConfig {
  const threshold = bloatThresholdSchema.safeParse(env.OPTIMISE_BLOAT_THRESHOLD);
  if (!threshold.success) throw new ConfigError("The Temporal worker cannot start:\n  - OPTIMISE_BLOAT_THRESHOLD: expected a number between 0 and 1, e.g. 0.3");
  try {
    return { dbOps: dbOpsConfigFromEnv(env), bloatThreshold: threshold.data };
  } catch (err) {
    return { dbOps: { error: (err as Error).message }, bloatThreshold: threshold.data };
  }
}
