import { z } from "zod";
import { env as privateEnv } from "$env/dynamic/private";
import { env as publicEnv } from "$env/dynamic/public";

/** Unset and empty mean the same: not configured. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** A positive number of hours or days, `fallback` when unset or empty. */
const duration = (unit: string, max: number, fallback: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number({ error: `must be a number of ${unit}` })
      .positive(`must be more than 0 ${unit}`)
      .max(max, `must be at most ${max} ${unit}`)
      .default(fallback),
  );

/** Space- or comma-separated http(s) origins, e.g. "https://photos.example.com https://cdn.example.com". */
const originList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : []),
  z.array(
    z.url({ protocol: /^https?$/, error: "must list http(s) origins, e.g. https://photos.example.com" }).transform((u) => new URL(u).origin),
  ),
);

const consoleEnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "is not set" })
    .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// URL, e.g. postgres://voltura:voltura@127.0.0.1:55432/voltura"),
  MEDUSA_URL: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v : undefined),
    z.url({ error: "must be the commerce core's URL, e.g. http://127.0.0.1:9000" }).default("http://127.0.0.1:9000"),
  ),
  JWT_SECRET: z
    .string({ error: "is not set (use the commerce core's JWT_SECRET)" })
    .min(16, "must be at least 16 characters (use the commerce core's JWT_SECRET)"),
  CLERK_SECRET_KEY: optional(z.string().startsWith("sk_", { error: "must start with sk_" })),
  PUBLIC_CLERK_PUBLISHABLE_KEY: optional(z.string().startsWith("pk_", { error: "must start with pk_" })),
  CLERK_JWT_KEY: optional(z.string().includes("PUBLIC KEY", { error: "must be the PEM public key from the Clerk dashboard" })),
  TEMPORAL_UI_URL: optional(z.url({ error: "must be a URL, e.g. http://127.0.0.1:8233" })),
  /** A session unused this long is signed out. */
  SESSION_IDLE_TIMEOUT_HOURS: duration("hours", 24 * 30, 12),
  /** A session ends this long after sign-in, however much it is used. */
  SESSION_MAX_AGE_DAYS: duration("days", 90, 7),
  /** Where repair photos are served from, besides commerce itself (e.g. the S3_FILE_URL origin). */
  CSP_IMAGE_ORIGINS: originList,
  /** "1": apply the console's SQL migrations at start, then exit (the owner's one-shot migrate step). */
  CONSOLE_MIGRATE_ONLY: z.preprocess((v) => v === "1" || v === "true", z.boolean()),
});

export type ConsoleEnv = z.infer<typeof consoleEnvSchema> & { clerkEnabled: boolean };

export class ConsoleEnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`The staff console is not configured correctly:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSet these environment variables and start it again.`);
    this.name = "ConsoleEnvError";
  }
}

/** Validates the console's environment; throws ConsoleEnvError naming every variable to set. */
export function parseConsoleEnv(source: Record<string, string | undefined>): ConsoleEnv {
  const result = consoleEnvSchema.safeParse(source);
  if (!result.success) {
    throw new ConsoleEnvError(result.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`));
  }
  const env = result.data;
  const clerkKeys = [env.CLERK_SECRET_KEY, env.PUBLIC_CLERK_PUBLISHABLE_KEY].filter(Boolean).length;
  if (clerkKeys === 1) {
    throw new ConsoleEnvError(["CLERK_SECRET_KEY and PUBLIC_CLERK_PUBLISHABLE_KEY must be set together (or neither, for email + password sign-in)"]);
  }
  return { ...env, clerkEnabled: clerkKeys === 2 };
}

let cached: ConsoleEnv | undefined;

/** The validated environment, read once (lazily, so `vite build` needs none of it). */
export function getEnv(): ConsoleEnv {
  cached ??= parseConsoleEnv({ ...privateEnv, ...publicEnv });
  return cached;
}
