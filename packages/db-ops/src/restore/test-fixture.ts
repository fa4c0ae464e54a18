// Shared by the restore integration tests: a small "live" shop database with the operations tables, uploads and a key ring.
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createKeyRingFile } from "@voltura/keyring";
import { scanUploads } from "../archive-format.js";
import type { DbOpsConfig } from "../config.js";
import { fingerprintDatabase } from "../fingerprint.js";
import type { TableFingerprint } from "../manifest.js";
import { databaseUrlFor, quoteDatabaseName, withClient } from "../pg.js";

export const serverUrl = process.env.BACKUP_DATABASE_URL || process.env.DATABASE_URL || "postgres://voltura:voltura@127.0.0.1:55432/voltura";
export const adminUrl = databaseUrlFor(serverUrl, "postgres");

const SCHEMA = `
  CREATE TABLE mikro_orm_migrations (id serial PRIMARY KEY, name varchar(255), executed_at timestamptz DEFAULT now());
  INSERT INTO mikro_orm_migrations (name) VALUES ('Migration20260101000000'), ('Migration20261207010000');
  CREATE TABLE operations_restore_run (id text PRIMARY KEY, backup_id text NOT NULL, mode text NOT NULL, status text NOT NULL DEFAULT 'pending',
    step text, target_database text, previous_database text, requested_by text, log jsonb NOT NULL DEFAULT '[]'::jsonb, error text,
    started_at timestamptz, finished_at timestamptz, start_due boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), deleted_at timestamptz);
  CREATE UNIQUE INDEX operations_restore_run_one_active ON operations_restore_run ((true)) WHERE deleted_at IS NULL AND status IN ('pending', 'running');
  CREATE TABLE operations_maintenance (id text PRIMARY KEY, "on" boolean NOT NULL DEFAULT false, reason text, restore_run_id text, since timestamptz,
    "by" text, neutralised boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), deleted_at timestamptz);
  INSERT INTO operations_maintenance (id) VALUES ('shop');
  CREATE TABLE repair_job (id text PRIMARY KEY, number text NOT NULL, status text NOT NULL, total_sen integer NOT NULL, outbox jsonb DEFAULT '[]'::jsonb);
  CREATE TABLE whatsapp_session (id text PRIMARY KEY, phone text, enabled boolean NOT NULL DEFAULT true);
  CREATE TABLE whatsapp_auth_state (session_id text, key text, value text);
  CREATE TABLE whatsapp_message (id text PRIMARY KEY, status text NOT NULL DEFAULT 'pending', error text, body text);
  CREATE TABLE campaign (id text PRIMARY KEY, status text NOT NULL DEFAULT 'draft');
  CREATE TABLE campaign_control (id text PRIMARY KEY, stopped_at timestamptz, stopped_by text, stop_reason text,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE pos_outbox (id text PRIMARY KEY, task text, done_at timestamptz, last_error text);
  CREATE TABLE vault_secret (id text PRIMARY KEY, name text UNIQUE, sealed text);`;

export interface Shop { cfg: DbOpsConfig; live: string; root: string; drop(): Promise<void> }

/** A live database `vsh_restore_it_<hex>` on the test server, uploads and backups in a temp folder, a fresh key ring. */
export async function makeShop(appVersion = "1.4.0"): Promise<Shop> {
  const live = `vsh_restore_it_${randomBytes(3).toString("hex")}`;
  const root = await mkdtemp(path.join(os.tmpdir(), "vsh-restore-"));
  const cfg: DbOpsConfig = {
    databaseUrl: databaseUrlFor(serverUrl, live), backupDir: path.join(root, "backups"), uploadsDir: path.join(root, "static"),
    keysFile: createKeyRingFile(path.join(root, "keys", "voltura-keys.json")), appVersion, external: null,
  };
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteDatabaseName(live)}`));
  await withClient(cfg.databaseUrl, (c) => c.query(SCHEMA));
  await mkdir(path.join(cfg.uploadsDir, "jobs"), { recursive: true });
  return {
    cfg, live, root,
    async drop() {
      await withClient(adminUrl, async (c) => {
        const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${live}%`]);
        for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${quoteDatabaseName(datname)} WITH (FORCE)`);
      });
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Writes a numbered "generation" of shop data and uploads: every generation differs in rows and files. */
export async function writeGeneration(shop: Shop, generation: number): Promise<void> {
  await withClient(shop.cfg.databaseUrl, async (c) => {
    await c.query(`INSERT INTO repair_job (id, number, status, total_sen)
      SELECT 'job_' || $1::text || '_' || g, 'VSH-' || $1::text || '-' || g, 'pending', g * 100 * $1::int FROM generate_series(1, 20) g`, [generation]);
    await c.query(`UPDATE repair_job SET status = 'done_' || $1::text WHERE id LIKE 'job_1_%'`, [generation]);
    await c.query(`INSERT INTO whatsapp_session (id, phone) VALUES ('wa_' || $1::text, '+6012' || $1::text) ON CONFLICT DO NOTHING`, [generation]);
    await c.query(`INSERT INTO whatsapp_auth_state VALUES ('wa_' || $1::text, 'creds', 'secret')`, [generation]);
    await c.query(`INSERT INTO whatsapp_message (id, body) VALUES ('msg_' || $1::text, 'hello')`, [generation]);
    await c.query(`INSERT INTO campaign (id, status) VALUES ('camp_' || $1::text, 'running')`, [generation]);
    await c.query(`UPDATE repair_job SET outbox = '[{"task":"temporal_start"}]'::jsonb WHERE id = 'job_' || $1::text || '_1'`, [generation]);
    await c.query(`INSERT INTO pos_outbox (id, task) VALUES ('pob_' || $1::text, 'order')`, [generation]);
    await c.query(`INSERT INTO vault_secret (id, name, sealed) VALUES ('vs_' || $1::text, 'smtp_url_' || $1::text, 'vk1.x')`, [generation]);
  });
  await writeFile(path.join(shop.cfg.uploadsDir, "logo.png"), `logo of generation ${generation}`);
  await writeFile(path.join(shop.cfg.uploadsDir, "jobs", `photo-${generation}.jpg`), randomBytes(2048 + generation));
}

const OWN = new Set(["operations_restore_run", "operations_maintenance"]);

/** The shop's data as fingerprints, without the two tables a restore writes itself. */
export async function shopTables(databaseUrl: string): Promise<TableFingerprint[]> {
  return (await fingerprintDatabase(databaseUrl)).filter((t) => !OWN.has(t.table));
}

export const uploadsOf = (dir: string) => scanUploads(dir);

export async function databasesLike(prefix: string): Promise<string[]> {
  return withClient(adminUrl, async (c) =>
    (await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY 1`, [`${prefix}%`])).rows.map((r) => r.datname));
}

export async function query<T extends Record<string, unknown>>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withClient(databaseUrl, async (c) => (await c.query(sql, params)).rows as T[]);
}

export const runId = () => `rr_${randomBytes(6).toString("hex")}`;
