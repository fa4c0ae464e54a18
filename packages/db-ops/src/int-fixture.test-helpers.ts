// Shared by the integration tests: a throwaway source database with varied tables, an uploads folder, a key
// ring, and a real S3-compatible server (s3rver) with a bucket.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { createKeyRingFile } from "@voltura/keyring";
import S3rver from "s3rver";
import type { DbOpsConfig, ExternalTarget } from "./config.js";
import { externalClient } from "./external-s3.js";
import { listTables } from "./fingerprint.js";
import { databaseUrlFor, dropDatabaseIfExists, quoteIdent, withClient } from "./pg.js";

/** The test server's maintenance database: the profile's database server (scripts/lib/env.mjs), else the local one. */
const profileUrl = process.env.BACKUP_DATABASE_URL || process.env.DATABASE_URL;
export const SERVER_URL = profileUrl ? databaseUrlFor(profileUrl, "postgres") : "postgres://voltura:voltura@127.0.0.1:55432/postgres";
export const uniqueName = (stem: string) => `${stem}_${crypto.randomBytes(4).toString("hex")}`;

const schemaSql = `
  CREATE EXTENSION IF NOT EXISTS vector; CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent;
  CREATE SCHEMA console; CREATE SCHEMA archive;
  CREATE SEQUENCE public.ticket_no START 1000;
  CREATE TABLE public.customer (
    id text PRIMARY KEY, name text NOT NULL, phone text, meta jsonb, created_at timestamptz NOT NULL DEFAULT now(),
    balance numeric(14,2), photo bytea, embedding vector(3), ticket bigint DEFAULT nextval('public.ticket_no'),
    score double precision, tags text[], born date, wait interval);
  CREATE INDEX customer_name_trgm ON public.customer USING gin (name gin_trgm_ops);
  CREATE TABLE public.job (id bigserial PRIMARY KEY, customer_id text REFERENCES public.customer(id) ON DELETE CASCADE,
    status text NOT NULL, total_sen integer NOT NULL, opened_at timestamptz NOT NULL);
  CREATE INDEX job_open ON public.job (opened_at) WHERE status <> 'closed';
  CREATE TABLE archive.job (LIKE public.job INCLUDING ALL);
  CREATE TABLE console.preference (staff_id text, key text, value jsonb NOT NULL, PRIMARY KEY (staff_id, key));
  CREATE TABLE public.empty_table (id int);
  CREATE VIEW public.open_jobs AS SELECT * FROM public.job WHERE status <> 'closed';
  CREATE TABLE public.mikro_orm_migrations (id serial PRIMARY KEY, name varchar(255), executed_at timestamptz DEFAULT now());
  INSERT INTO public.mikro_orm_migrations (name) VALUES ('Migration20261206160000'), ('Migration20261207010000');
  INSERT INTO public.customer (id, name, phone, meta, created_at, balance, photo, embedding, score, tags, born, wait)
    SELECT 'c-' || g, 'Pelanggan ' || g || ' Ñoño', '+6012' || lpad(g::text, 7, '0'), jsonb_build_object('n', g, 'vip', g % 7 = 0, 'note', 'a"b\\c'),
           timestamptz '2025-01-01 00:00:00+08' + g * interval '37 minutes', (g * 12.34)::numeric(14,2), decode(md5(g::text), 'hex'),
           ('[' || g * 0.1 || ',' || -g || ',0.333333333]')::vector, g / 3.0, ARRAY['tag' || g % 5, 'x'], date '1990-01-01' + g, g * interval '1 minute'
      FROM generate_series(1, 300) g;
  INSERT INTO public.job (customer_id, status, total_sen, opened_at)
    SELECT 'c-' || (1 + g % 300), CASE WHEN g % 4 = 0 THEN 'closed' ELSE 'open' END, g * 150, timestamptz '2024-06-01 10:00:00+00' + g * interval '3 hours'
      FROM generate_series(1, 800) g;
  INSERT INTO console.preference SELECT 'staff-' || g, 'theme', jsonb_build_object('dark', g % 2 = 0) FROM generate_series(1, 20) g;`;

export interface Fixture {
  root: string;
  cfg: DbOpsConfig;
  target: ExternalTarget;
  sourceDb: string;
  databases: string[];
  close(): Promise<void>;
}

export async function writeFile(root: string, rel: string, content: Buffer | string): Promise<void> {
  await fs.promises.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await fs.promises.writeFile(path.join(root, rel), content);
}

export async function createFixture(): Promise<Fixture> {
  const root = await fs.promises.mkdtemp(path.join(os.tmpdir(), "db-ops-it-"));
  const sourceDb = uniqueName("voltura_bk_src");
  await withClient(SERVER_URL, (c) => c.query(`CREATE DATABASE ${quoteIdent(sourceDb)}`));
  const sourceUrl = databaseUrlFor(SERVER_URL, sourceDb);
  await withClient(sourceUrl, (c) => c.query(schemaSql));
  const uploadsDir = path.join(root, "uploads");
  await writeFile(uploadsDir, "logo.png", crypto.randomBytes(2048));
  await writeFile(uploadsDir, "jobs/j-1/before 1.jpg", crypto.randomBytes(150_000));
  await writeFile(uploadsDir, "jobs/j-1/after.jpg", crypto.randomBytes(70_001));
  await writeFile(uploadsDir, "documents/invoices/2026/INV-0001.pdf", "%PDF-1.7 invoice ".repeat(500));
  await writeFile(uploadsDir, "documents/empty.txt", "");
  await writeFile(uploadsDir, "documents/résumé ü.txt", "unicode name");

  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: path.join(root, "s3") });
  const { port } = await server.run();
  const target: ExternalTarget = {
    endpoint: `http://127.0.0.1:${port}`, region: "us-east-1", bucket: "shop-backups", prefix: "voltura/",
    accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true,
  };
  await externalClient(target).send(new CreateBucketCommand({ Bucket: target.bucket }));
  const cfg: DbOpsConfig = {
    databaseUrl: sourceUrl, backupDir: path.join(root, "backups"), uploadsDir, keysFile: createKeyRingFile(path.join(root, "keys.json")),
    appVersion: "0.1.0", external: target,
  };
  const databases = [sourceDb];
  return {
    root, cfg, target, sourceDb, databases,
    async close() {
      for (const name of databases.reverse()) await dropDatabaseIfExists(SERVER_URL, name);
      await server.close();
      await fs.promises.rm(root, { recursive: true, force: true });
    },
  };
}

/** Every table's rows as sorted text, plus every sequence's state: two databases with equal dumps of this are identical. */
export async function databaseContents(databaseUrl: string): Promise<Record<string, string[]>> {
  return withClient(databaseUrl, async (client) => {
    await client.query("SET TimeZone = 'UTC'; SET extra_float_digits = 3; SET DateStyle = 'ISO, MDY'");
    const contents: Record<string, string[]> = {};
    for (const { schema, table } of await listTables(client)) {
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${quoteIdent(schema)}.${quoteIdent(table)} t`);
      contents[`${schema}.${table}`] = rows.map((r) => r.row).sort();
    }
    const { rows: sequences } = await client.query<{ name: string }>(
      "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name FROM pg_sequences ORDER BY 1");
    for (const { name } of sequences) {
      const { rows } = await client.query<{ state: string }>(`SELECT last_value || ' ' || is_called AS state FROM ${name}`);
      contents[`sequence ${name}`] = rows.map((r) => r.state);
    }
    return contents;
  });
}

/** Every file under a folder: relative path → content. */
export async function folderContents(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (dir: string, rel: string) => {
    for (const item of await fs.promises.readdir(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${item.name}` : item.name;
      if (item.isDirectory()) await walk(path.join(dir, item.name), r);
      else files.set(r, await fs.promises.readFile(path.join(dir, item.name)));
    }
  };
  if (fs.existsSync(root)) await walk(root, "");
  return files;
}
