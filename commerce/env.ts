import { z } from "zod";

/** The commerce core's settings. Invalid or missing values stop the start with what to do. */
const envSchema = z.object({
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgres:// URL — run `npm start`, or set DATABASE_URL"),
  REDIS_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  JWT_SECRET: z.string().min(16, "JWT_SECRET must be at least 16 characters"),
  COOKIE_SECRET: z.string().min(16, "COOKIE_SECRET must be at least 16 characters"),
  CONSOLE_URL: z.string().url().default("http://localhost:5173"),
  MEDUSA_WORKER_MODE: z.enum(["shared", "server", "worker"]).default("shared"),
  MEDUSA_BACKEND_URL: z.string().url().optional(),
  FILE_BACKEND_URL: z.string().url().optional(),
});
export type CommerceEnv = z.infer<typeof envSchema>;

export function readCommerceEnv(env: NodeJS.ProcessEnv = process.env): CommerceEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`The commerce core's settings are invalid:\n${lines}`);
  }
  return parsed.data;
}
