import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207110000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "filter_preset" ("id" text not null, "list" text not null, "name" text not null, "query" text not null, "owner_id" text not null, "shared" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "filter_preset_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_filter_preset_list_owner_id" ON "filter_preset" ("list", "owner_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_filter_preset_list_shared" ON "filter_preset" ("list") WHERE deleted_at IS NULL AND shared = true;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_filter_preset_deleted_at" ON "filter_preset" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "filter_preset" cascade;`);
  }

}
