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
