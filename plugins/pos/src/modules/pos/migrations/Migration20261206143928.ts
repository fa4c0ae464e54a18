import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206143928 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pos_outbox" ("id" text not null, "sale_id" text not null, "task" text check ("task" in ('order_money', 'event', 'audit')) not null, "reference_id" text not null, "payload" jsonb not null, "lease_until" timestamptz null, "done_at" timestamptz null, "last_error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_outbox_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_outbox_deleted_at" ON "pos_outbox" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_outbox_sale_id" ON "pos_outbox" ("sale_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_outbox_reference_id" ON "pos_outbox" ("reference_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_outbox_created_at" ON "pos_outbox" ("created_at") WHERE done_at IS NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "pos_payment" add column if not exists "request_hash" text null;`);

    this.addSql(`alter table if exists "pos_return" add column if not exists "request_hash" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pos_outbox" cascade;`);

    this.addSql(`alter table if exists "pos_payment" drop column if exists "request_hash";`);

    this.addSql(`alter table if exists "pos_return" drop column if exists "request_hash";`);
  }

}
