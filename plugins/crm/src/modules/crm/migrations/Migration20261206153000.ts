import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The merge record: idempotency key + what moved, committed with the merge itself. */
export class Migration20261206153000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_merge" ("id" text not null, "idempotency_key" text not null, "request_hash" text not null, "primary_id" text not null, "duplicate_id" text not null, "merged_by" text not null, "result" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_merge_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_merge_idempotency_key_unique" ON "customer_merge" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_merge_primary_id" ON "customer_merge" ("primary_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_merge_duplicate_id" ON "customer_merge" ("duplicate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_merge_deleted_at" ON "customer_merge" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_merge" cascade;`);
  }
}
