import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124150922 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_profile" ("id" text not null, "customer_type" text check ("customer_type" in ('walk_in', 'corporate', 'dealer')) not null default 'walk_in', "tags" jsonb not null, "last_visit_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_profile_deleted_at" ON "customer_profile" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_profile_customer_type" ON "customer_profile" ("customer_type") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_profile_last_visit_at" ON "customer_profile" ("last_visit_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_profile_tags" ON "customer_profile" USING GIN ("tags") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_note" ("id" text not null, "body" text not null, "author" text not null, "profile_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_note_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_note_profile_id" ON "customer_note" ("profile_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_note_deleted_at" ON "customer_note" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "device" ("id" text not null, "device_type" text check ("device_type" in ('phone', 'tablet', 'laptop', 'console', 'other')) not null, "brand" text not null, "model" text not null, "imei_serial" text null, "colour" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "device_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_device_deleted_at" ON "device" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_device_imei_serial" ON "device" ("imei_serial") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_device_device_type" ON "device" ("device_type") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "customer_note" add constraint "customer_note_profile_id_foreign" foreign key ("profile_id") references "customer_profile" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_note" drop constraint if exists "customer_note_profile_id_foreign";`);

    this.addSql(`drop table if exists "customer_profile" cascade;`);

    this.addSql(`drop table if exists "customer_note" cascade;`);

    this.addSql(`drop table if exists "device" cascade;`);
  }

}
