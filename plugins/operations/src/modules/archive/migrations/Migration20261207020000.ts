import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Archive runs, archive settings and PDPA data requests. The `archive` schema is created here; its
 * tables copy the hot tables' columns (`LIKE`) and are made by the first run (other modules' tables
 * may not exist yet when this runs).
 */
export class Migration20261207020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE EXTENSION IF NOT EXISTS pg_trgm;`);
    this.addSql(`CREATE SCHEMA IF NOT EXISTS archive;`);
    this.addSql(`create table if not exists "archive_run" ("id" text not null, "idempotency_key" text not null, "status" text check ("status" in ('running', 'completed', 'failed')) not null default 'running', "cutoff" timestamptz not null, "counts" jsonb not null default '{}', "batches" integer not null default 0, "requested_by" text null, "started_at" timestamptz not null, "finished_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "archive_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_archive_run_idempotency_key_unique" ON "archive_run" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_archive_run_started_at" ON "archive_run" ("started_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_archive_run_deleted_at" ON "archive_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`create table if not exists "archive_settings" ("id" text not null, "archive_after_months" integer not null default 24, "tax_retention_years" integer not null default 7 check ("tax_retention_years" >= 7), "batch_size" integer not null default 500, "updated_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "archive_settings_pkey" primary key ("id"));`);
    this.addSql(`INSERT INTO "archive_settings" ("id") VALUES ('shop') ON CONFLICT ("id") DO NOTHING;`);
    this.addSql(`create table if not exists "data_request" ("id" text not null, "kind" text check ("kind" in ('export', 'anonymise')) not null, "customer_id" text not null, "format" text null, "requested_by" text null, "requested_by_role" text null, "summary" jsonb not null default '{}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "data_request_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_data_request_customer_id" ON "data_request" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_data_request_created_at" ON "data_request" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_data_request_deleted_at" ON "data_request" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "data_request" cascade;`);
    this.addSql(`drop table if exists "archive_settings" cascade;`);
    this.addSql(`drop table if exists "archive_run" cascade;`);
  }
}
