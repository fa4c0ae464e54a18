import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/** Where the weekly external copy goes: any S3-compatible bucket (MinIO in compose, or the shop's own). */
export interface ExternalTarget {
  endpoint?: string;
  region: string;
  bucket: string;
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export interface DbOpsConfig {
  databaseUrl: string;
  backupDir: string;
  uploadsDir: string;
  keysFile: string;
  appVersion: string;
  external: ExternalTarget | null;
  pgBinDir?: string;
}

const nonEmpty = (name: string) => z.string({ error: `${name} is required` }).trim().min(1, `${name} is required`);

export const externalTargetSchema: z.ZodType<ExternalTarget> = z.object({
  endpoint: z.url("BACKUP_S3_ENDPOINT must be a URL such as http://minio:9000").optional(),
  region: nonEmpty("BACKUP_S3_REGION"),
  bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "BACKUP_S3_BUCKET must be a valid bucket name (3-63 lowercase letters, digits, dots, hyphens)"),
  prefix: z.string().regex(/^([A-Za-z0-9._-]+\/)*$/, "BACKUP_S3_PREFIX must be empty or folder names ending with '/'"),
  accessKeyId: nonEmpty("BACKUP_S3_ACCESS_KEY_ID"),
  secretAccessKey: nonEmpty("BACKUP_S3_SECRET_ACCESS_KEY"),
  forcePathStyle: z.boolean(),
});

export const dbOpsConfigSchema: z.ZodType<DbOpsConfig> = z.object({
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, "BACKUP_DATABASE_URL must be a postgres:// URL"),
  backupDir: nonEmpty("BACKUP_DIR"),
  uploadsDir: nonEmpty("UPLOADS_DIR"),
  keysFile: nonEmpty("VOLTURA_KEYS_FILE"),
  appVersion: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, "VOLTURA_APP_VERSION must be a semantic version such as 1.4.0"),
  external: externalTargetSchema.nullable(),
  pgBinDir: z.string().min(1).optional(),
});

/** The app version: VOLTURA_APP_VERSION, else the "version" of the repository's root package.json. */
export function resolveAppVersion(env: NodeJS.ProcessEnv = process.env, from: string = process.cwd()): string {
  if (env.VOLTURA_APP_VERSION) return env.VOLTURA_APP_VERSION;
  let dir = path.resolve(from);
  for (;;) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string; workspaces?: unknown };
      if (pkg.workspaces && typeof pkg.version === "string") return pkg.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error("VOLTURA_APP_VERSION is not set and no root package.json (with workspaces) was found above the working directory");
}

function externalFromEnv(env: NodeJS.ProcessEnv): unknown {
  if (!env.BACKUP_S3_BUCKET) return null;
  const endpoint = env.BACKUP_S3_ENDPOINT || undefined;
  const forced = env.BACKUP_S3_FORCE_PATH_STYLE;
  return {
    endpoint,
    region: env.BACKUP_S3_REGION || "us-east-1",
    bucket: env.BACKUP_S3_BUCKET,
    prefix: env.BACKUP_S3_PREFIX ?? "voltura-backups/",
    accessKeyId: env.BACKUP_S3_ACCESS_KEY_ID,
    secretAccessKey: env.BACKUP_S3_SECRET_ACCESS_KEY,
    // MinIO and most self-hosted servers need path-style URLs; AWS itself works with both.
    forcePathStyle: forced === undefined || forced === "" ? endpoint !== undefined : forced === "true" || forced === "1",
  };
}

/** Reads the configuration of the worker / CLI from the environment; errors name the variable. */
export function dbOpsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbOpsConfig {
  const raw = {
    databaseUrl: env.BACKUP_DATABASE_URL || env.DATABASE_URL,
    backupDir: env.BACKUP_DIR,
    uploadsDir: env.UPLOADS_DIR,
    keysFile: env.VOLTURA_KEYS_FILE,
    appVersion: resolveAppVersion(env),
    external: externalFromEnv(env),
    pgBinDir: env.PG_BIN_DIR || undefined,
  };
  if (!raw.databaseUrl) throw new Error("BACKUP_DATABASE_URL is required (or DATABASE_URL)");
  const parsed = dbOpsConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid operations configuration: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  }
  return { ...parsed.data, backupDir: path.resolve(parsed.data.backupDir), uploadsDir: path.resolve(parsed.data.uploadsDir) };
}
