import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Bulk actions on jobs, one row per idempotency key. */
export class Migration20261207111000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "repair_bulk_action" ("id" text not null, "idempotency_key" text not null, "request_hash" text not null, "action" text not null, "actor_id" text null, "answer" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "repair_bulk_action_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_repair_bulk_action_idempotency_key_unique" ON "repair_bulk_action" ("idempotency_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "repair_bulk_action" cascade;`);
  }

}
