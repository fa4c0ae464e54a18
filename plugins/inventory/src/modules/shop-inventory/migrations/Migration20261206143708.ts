import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206143708 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "stock_movement" drop constraint if exists "stock_movement_idempotency_key_unique";`);
    this.addSql(`alter table if exists "purchase_order_receipt" drop constraint if exists "purchase_order_receipt_idempotency_key_unique";`);
    this.addSql(`create table if not exists "purchase_order_receipt" ("id" text not null, "purchase_order_id" text not null, "idempotency_key" text null, "request_hash" text not null, "lines" jsonb not null, "note" text null, "received_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_order_receipt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_receipt_deleted_at" ON "purchase_order_receipt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_receipt_purchase_order_id" ON "purchase_order_receipt" ("purchase_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_purchase_order_receipt_idempotency_key_unique" ON "purchase_order_receipt" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "stock_movement" add column if not exists "idempotency_key" text null, add column if not exists "request_hash" text null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_movement_idempotency_key_unique" ON "stock_movement" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "purchase_order_receipt" cascade;`);

    this.addSql(`drop index if exists "IDX_stock_movement_idempotency_key_unique";`);
    this.addSql(`alter table if exists "stock_movement" drop column if exists "idempotency_key", drop column if exists "request_hash";`);
  }

}
