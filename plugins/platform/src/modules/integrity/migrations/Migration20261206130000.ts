import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206130000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "integrity_run" ("id" text not null, "ran_at" timestamptz not null, "ok" boolean not null, "trigger" text check ("trigger" in ('nightly', 'manual')) not null, "idempotency_key" text null, "summary" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "integrity_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_integrity_run_ran_at" ON "integrity_run" ("ran_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_integrity_run_idempotency_key_unique" ON "integrity_run" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_integrity_run_deleted_at" ON "integrity_run" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "integrity_run" cascade;`);
  }

}
