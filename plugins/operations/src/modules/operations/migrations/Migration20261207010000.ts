import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Operations: the backup catalog, restore tests, restore runs, maintenance mode (one row), owners' alerts,
 * optimisation runs and the backup settings (one row). The worker writes restore runs and maintenance mode by SQL.
 */
export class Migration20261207010000 extends Migration {
  override async up(): Promise<void> {
    const stamps = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`;

    this.addSql(`create table if not exists "operations_backup" ("id" text not null,
      "kind" text check ("kind" in ('daily', 'weekly', 'manual', 'pre_restore')) not null,
      "status" text check ("status" in ('running', 'completed', 'failed', 'deleted')) not null default 'running',
      "started_at" timestamptz null, "finished_at" timestamptz null, "bytes" bigint null, "sha256" text null, "key_id" text null,
      "app_version" text null, "table_count" integer null, "row_count" bigint null, "upload_count" integer null,
      "local" boolean not null default false, "external" boolean not null default false, "external_copied_at" timestamptz null,
      "verification" text check ("verification" in ('unverified', 'verified', 'failed')) not null default 'unverified',
      "verified_at" timestamptz null, "error" text null, "requested_by" text null,
      "start_due" boolean not null default false, "verify_requests" integer not null default 0, "verify_due" integer null,
      ${stamps}, constraint "operations_backup_pkey" primary key ("id"));`);
    this.addSql(`create index if not exists "IDX_operations_backup_started_at" on "operations_backup" ("started_at" desc, "id" desc) where deleted_at is null;`);
    this.addSql(`create index if not exists "IDX_operations_backup_completed" on "operations_backup" ("finished_at" desc, "id" desc) where deleted_at is null and status = 'completed';`);
    this.addSql(`create index if not exists "IDX_operations_backup_due" on "operations_backup" ("id") where start_due or verify_due is not null;`);

    this.addSql(`create table if not exists "operations_restore_test" ("id" text not null, "backup_id" text not null,
      "idempotency_key" text not null, "ok" boolean not null, "started_at" timestamptz not null, "finished_at" timestamptz not null,
      "result" jsonb not null, ${stamps}, constraint "operations_restore_test_pkey" primary key ("id"));`);
    this.addSql(`create unique index if not exists "IDX_operations_restore_test_idempotency_key_unique" on "operations_restore_test" ("idempotency_key");`);
    this.addSql(`create index if not exists "IDX_operations_restore_test_backup" on "operations_restore_test" ("backup_id", "finished_at" desc) where deleted_at is null;`);
    this.addSql(`create index if not exists "IDX_operations_restore_test_finished" on "operations_restore_test" ("finished_at" desc, "id" desc) where deleted_at is null;`);

    this.addSql(`create table if not exists "operations_restore_run" ("id" text not null, "backup_id" text not null,
      "mode" text check ("mode" in ('restore', 'copy')) not null,
      "status" text check ("status" in ('pending', 'running', 'completed', 'failed', 'rolled_back')) not null default 'pending',
      "step" text null, "target_database" text null, "previous_database" text null, "requested_by" text null,
      "log" jsonb not null default '[]', "error" text null, "started_at" timestamptz null, "finished_at" timestamptz null,
      "start_due" boolean not null default false, ${stamps}, constraint "operations_restore_run_pkey" primary key ("id"));`);
    this.addSql(`create index if not exists "IDX_operations_restore_run_created" on "operations_restore_run" ("created_at" desc, "id" desc) where deleted_at is null;`);
    // At most one restore or copy at a time: the loser of a race fails on this index (409 restore_in_progress).
    this.addSql(`create unique index if not exists "IDX_operations_restore_run_one_active" on "operations_restore_run" ((true)) where deleted_at is null and status in ('pending', 'running');`);
    this.addSql(`create index if not exists "IDX_operations_restore_run_due" on "operations_restore_run" ("id") where start_due;`);

    this.addSql(`create table if not exists "operations_maintenance" ("id" text not null, "on" boolean not null default false,
      "reason" text null, "restore_run_id" text null, "since" timestamptz null, "by" text null,
      "neutralised" boolean not null default false, ${stamps}, constraint "operations_maintenance_pkey" primary key ("id"));`);
    this.addSql(`insert into "operations_maintenance" ("id") values ('shop') on conflict do nothing;`);

    this.addSql(`create table if not exists "operations_alert" ("id" text not null, "key" text not null,
      "kind" text check ("kind" in ('backup_stale', 'backup_failed', 'restore_test_failed', 'audit_chain_broken', 'disk_low')) not null,
      "message" text not null, "raised_at" timestamptz not null default now(), "resolved_at" timestamptz null, "notified_at" timestamptz null,
      ${stamps}, constraint "operations_alert_pkey" primary key ("id"));`);
    this.addSql(`create unique index if not exists "IDX_operations_alert_key_unique" on "operations_alert" ("key");`);
    this.addSql(`create index if not exists "IDX_operations_alert_open" on "operations_alert" ("raised_at" desc, "id" desc) where resolved_at is null;`);
    this.addSql(`create index if not exists "IDX_operations_alert_open_kind" on "operations_alert" ("kind") where resolved_at is null;`);
    this.addSql(`create index if not exists "IDX_operations_alert_raised" on "operations_alert" ("raised_at" desc, "id" desc);`);

    this.addSql(`create table if not exists "operations_optimisation_run" ("id" text not null, "idempotency_key" text not null,
      "started_at" timestamptz not null, "finished_at" timestamptz not null, "ok" boolean not null, "result" jsonb not null,
      ${stamps}, constraint "operations_optimisation_run_pkey" primary key ("id"));`);
    this.addSql(`create unique index if not exists "IDX_operations_optimisation_run_idempotency_key_unique" on "operations_optimisation_run" ("idempotency_key");`);
    this.addSql(`create index if not exists "IDX_operations_optimisation_run_started" on "operations_optimisation_run" ("started_at" desc, "id" desc);`);

    this.addSql(`create table if not exists "operations_settings" ("id" text not null,
      "backup_hour" integer not null default 3 check ("backup_hour" between 0 and 23),
      "daily_retention_days" integer not null default 30 check ("daily_retention_days" >= 7),
      "external_retention_weeks" integer not null default 12 check ("external_retention_weeks" >= 4),
      "restore_test_weekday" integer not null default 0 check ("restore_test_weekday" between 0 and 6),
      "external_endpoint" text null, "external_region" text null, "external_bucket" text null, "external_prefix" text null,
      "external_force_path_style" boolean not null default true, "updated_by" text null,
      ${stamps}, constraint "operations_settings_pkey" primary key ("id"));`);
    this.addSql(`insert into "operations_settings" ("id") values ('shop') on conflict do nothing;`);
  }

  override async down(): Promise<void> {
    for (const table of ["operations_settings", "operations_optimisation_run", "operations_alert", "operations_maintenance",
      "operations_restore_run", "operations_restore_test", "operations_backup"]) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
  }
}
