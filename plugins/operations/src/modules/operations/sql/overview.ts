import { existsSync, readdirSync, readFileSync } from "node:fs";
import { statfs } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { MedusaModule } from "@medusajs/framework/modules-sdk";
import type { DiskUsage, OperationsOverview } from "@voltura/contracts";
import { rows, type Sql } from "@voltura/medusa-kit";
import { diskLow } from "../../../domain/alerts-rules";
import { listAlerts } from "./alerts";
import { newestCompletedBackup, newestRestoreTest } from "./backups";
import { readMaintenance } from "./maintenance";

const TOP_TABLES = 12;
const requireHere = createRequire(__filename);

/** The database's size and its largest tables (with their indexes and TOAST), from the catalog: no table scan. */
export async function databaseSizes(db: Sql): Promise<OperationsOverview["database"]> {
  const [size] = await rows(db, `SELECT pg_database_size(current_database())::float8 AS bytes`);
  const tables = await rows(db, `SELECT n.nspname AS schema, c.relname AS name, pg_total_relation_size(c.oid)::float8 AS bytes,
      GREATEST(c.reltuples, 0)::float8 AS rows
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
    ORDER BY pg_total_relation_size(c.oid) DESC LIMIT ?`, [TOP_TABLES]);
  return {
    bytes: Number(size?.bytes ?? 0),
    tables: tables.map((t) => ({
      table: t.schema === "public" ? String(t.name) : `${String(t.schema)}.${String(t.name)}`,
      bytes: Number(t.bytes), rows: Math.round(Number(t.rows)),
    })),
  };
}

/** The nearest existing folder at or above `dir` (a backup folder not made yet is measured on its disk). */
function existingAncestor(dir: string): string {
  let current = path.resolve(dir);
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

export async function diskUsage(name: DiskUsage["name"], dir: string | undefined): Promise<DiskUsage | null> {
  if (!dir) return null;
  try {
    const s = await statfs(existingAncestor(dir));
    const total = Number(s.blocks) * Number(s.bsize);
    const free = Number(s.bavail) * Number(s.bsize);
    return { name, total_bytes: total, free_bytes: free, free_ratio: total > 0 ? free / total : 0, low: diskLow(free, total) };
  } catch {
    return null;
  }
}

/** VOLTURA_APP_VERSION, else the "version" of the repository's root package.json (the one with workspaces). */
export function appVersion(env: NodeJS.ProcessEnv = process.env, from = process.cwd()): string {
  if (env.VOLTURA_APP_VERSION?.trim()) return env.VOLTURA_APP_VERSION.trim();
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { version?: string; workspaces?: unknown };
      if (pkg.workspaces && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir) return "unknown";
  }
}

/** Migration names in a module's migrations folder (built .js or source .ts), without extension. */
export function migrationFileNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^Migration\w*\.(js|ts)$/.test(f) && !f.endsWith(".d.ts"))
    .map((f) => f.replace(/\.(js|ts)$/, ""));
}

/** The migrations folder of a loaded module, found the way Medusa's migrator finds it (following a re-export). */
function moduleMigrationsDir(resolutionPath: string): string | null {
  try {
    const loaded = requireHere(resolutionPath) as { discoveryPath?: string };
    const discovery = typeof loaded.discoveryPath === "string" ? loaded.discoveryPath : resolutionPath;
    return path.join(path.dirname(requireHere.resolve(discovery)), "migrations");
  } catch {
    return null;
  }
}

let migrationCache: { at: number; value: OperationsOverview["migrations"] } | null = null;

/**
 * Pending migrations: every migration file of the loaded modules (Medusa's and the plugins') whose name is not in
 * `mikro_orm_migrations`. Link-table migrations are not counted (Medusa plans those at `db:migrate`).
 */
export async function pendingMigrations(db: Sql, now = Date.now()): Promise<OperationsOverview["migrations"]> {
  if (migrationCache && now - migrationCache.at < 60_000) return migrationCache.value;
  let value: OperationsOverview["migrations"];
  try {
    const applied = new Set((await rows(db, `SELECT name FROM mikro_orm_migrations`)).map((r) => String(r.name)));
    const files = new Set<string>();
    for (const resolution of MedusaModule.getAllModuleResolutions()) {
      if (!resolution.resolutionPath) continue;
      const dir = moduleMigrationsDir(resolution.resolutionPath);
      if (dir) for (const name of migrationFileNames(dir)) files.add(name);
    }
    value = { checked: files.size > 0, applied: applied.size, pending: [...files].filter((f) => !applied.has(f)).sort() };
  } catch {
    value = { checked: false, applied: 0, pending: [] };
  }
  migrationCache = { at: now, value };
  return value;
}

/** The WhatsApp numbers' health, read from the gateway's table (no other module's service is used). */
export async function whatsappHealth(db: Sql): Promise<OperationsOverview["whatsapp"]> {
  try {
    const found = await rows(db, `SELECT id, name, state, enabled, last_seen_at FROM whatsapp_session WHERE deleted_at IS NULL
      ORDER BY created_at ASC LIMIT 50`);
    const sessions = found.map((s) => ({
      id: String(s.id), label: s.name === null ? null : String(s.name), status: s.enabled ? String(s.state) : "disabled",
      healthy: Boolean(s.enabled) && s.state === "open",
      last_seen_at: s.last_seen_at ? new Date(s.last_seen_at as string).toISOString() : null,
    }));
    return { total: sessions.length, healthy: sessions.filter((s) => s.healthy).length, sessions };
  } catch {
    return { total: 0, healthy: 0, sessions: [] };
  }
}

export async function operationsOverview(db: Sql, env: NodeJS.ProcessEnv = process.env): Promise<OperationsOverview> {
  const [database, backupsDisk, uploadsDisk, migrations, whatsapp, alerts, maintenance, newestBackup, newestTest] = await Promise.all([
    databaseSizes(db), diskUsage("backups", env.BACKUP_DIR), diskUsage("uploads", env.UPLOADS_DIR), pendingMigrations(db),
    whatsappHealth(db), listAlerts(db, "open"), readMaintenance(db), newestCompletedBackup(db), newestRestoreTest(db),
  ]);
  return {
    database, disks: [backupsDisk, uploadsDisk].filter((d): d is DiskUsage => d !== null), app_version: appVersion(env), migrations,
    whatsapp, alerts, maintenance, newest_backup: newestBackup, newest_restore_test: newestTest,
  };
}
