import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206113345 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "staff_setup_claim" ("id" text not null, "owner_id" text null, "completed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "staff_setup_claim_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_staff_setup_claim_deleted_at" ON "staff_setup_claim" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "staff_signin_guard" ("id" text not null, "failures" integer not null default 0, "last_failed_at" timestamptz null, "last_ip" text null, "locked_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "staff_signin_guard_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_staff_signin_guard_deleted_at" ON "staff_signin_guard" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "staff_signin_ip_guard" ("id" text not null, "failures" integer not null default 0, "window_started_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "staff_signin_ip_guard_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_staff_signin_ip_guard_deleted_at" ON "staff_signin_ip_guard" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "staff_setup_claim" cascade;`);

    this.addSql(`drop table if exists "staff_signin_guard" cascade;`);

    this.addSql(`drop table if exists "staff_signin_ip_guard" cascade;`);
  }

}
