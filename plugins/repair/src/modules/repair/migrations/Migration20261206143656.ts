import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206143656 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "repair_job" drop constraint if exists "repair_job_idempotency_key_unique";`);
    this.addSql(`alter table if exists "repair_job" add column if not exists "idempotency_key" text null, add column if not exists "request_hash" text null, add column if not exists "outbox" jsonb not null default '[]', add column if not exists "lease_until" timestamptz null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_repair_job_idempotency_key_unique" ON "repair_job" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_repair_job_idempotency_key_unique";`);
    this.addSql(`alter table if exists "repair_job" drop column if exists "idempotency_key", drop column if exists "request_hash", drop column if exists "outbox", drop column if exists "lease_until";`);
  }

}
