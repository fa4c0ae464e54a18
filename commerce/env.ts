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
  /** S3-compatible storage for photos and documents; all of bucket, region and keys, or none. */
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_FILE_URL: z.string().url().optional(),
}).refine(
  (e) => !e.S3_BUCKET || (e.S3_REGION && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY && e.S3_FILE_URL),
  { message: "S3_BUCKET needs S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY and S3_FILE_URL", path: ["S3_BUCKET"] },
);
export type CommerceEnv = z.infer<typeof envSchema>;

/** The file module's provider: S3-compatible when S3_BUCKET is set, local disk otherwise. */
export function fileProvider(env: CommerceEnv) {
  if (env.S3_BUCKET) {
    return {
      resolve: "@medusajs/medusa/file-s3",
      id: "s3",
      options: {
        file_url: env.S3_FILE_URL,
        access_key_id: env.S3_ACCESS_KEY_ID,
        secret_access_key: env.S3_SECRET_ACCESS_KEY,
        region: env.S3_REGION,
        bucket: env.S3_BUCKET,
        endpoint: env.S3_ENDPOINT,
        // MinIO and most S3-compatible servers want path-style URLs.
        additional_client_config: env.S3_ENDPOINT ? { forcePathStyle: true } : undefined,
      },
    };
  }
  return {
    resolve: "@medusajs/medusa/file-local",
    id: "local",
    options: { upload_dir: "static", backend_url: env.FILE_BACKEND_URL ?? "http://127.0.0.1:9000/static" },
  };
}

export function readCommerceEnv(env: NodeJS.ProcessEnv = process.env): CommerceEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`The commerce core's settings are invalid:\n${lines}`);
  }
  return parsed.data;
}
