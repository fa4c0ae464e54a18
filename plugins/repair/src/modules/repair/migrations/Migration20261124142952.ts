import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124142952 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "repair_job" drop constraint if exists "repair_job_job_number_unique";`);
    this.addSql(`create table if not exists "repair_job" ("id" text not null, "job_number" text not null, "status" text check ("status" in ('pending', 'awaiting_approval', 'awaiting_parts', 'in_progress', 'completed', 'delivered', 'cancelled', 'returned_unrepaired')) not null default 'pending', "device_type" text check ("device_type" in ('phone', 'tablet', 'laptop', 'console', 'other')) not null, "brand" text not null, "model" text not null, "issue" text not null, "priority" text check ("priority" in ('low', 'normal', 'high', 'urgent')) not null default 'normal', "customer_name" text not null, "customer_phone" text not null, "workflow_id" text null, "created_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "repair_job_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_repair_job_job_number_unique" ON "repair_job" ("job_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_deleted_at" ON "repair_job" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_status" ON "repair_job" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_customer_phone" ON "repair_job" ("customer_phone") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "repair_job_sequence" ("id" text not null, "last_value" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "repair_job_sequence_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_sequence_deleted_at" ON "repair_job_sequence" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "repair_job_status_change" ("id" text not null, "from_status" text check ("from_status" in ('pending', 'awaiting_approval', 'awaiting_parts', 'in_progress', 'completed', 'delivered', 'cancelled', 'returned_unrepaired')) null, "to_status" text check ("to_status" in ('pending', 'awaiting_approval', 'awaiting_parts', 'in_progress', 'completed', 'delivered', 'cancelled', 'returned_unrepaired')) not null, "note" text null, "changed_by" text not null, "changed_at" timestamptz not null, "repair_job_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "repair_job_status_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_status_change_repair_job_id" ON "repair_job_status_change" ("repair_job_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_status_change_deleted_at" ON "repair_job_status_change" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "repair_job_status_change" add constraint "repair_job_status_change_repair_job_id_foreign" foreign key ("repair_job_id") references "repair_job" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "repair_job_status_change" drop constraint if exists "repair_job_status_change_repair_job_id_foreign";`);

    this.addSql(`drop table if exists "repair_job" cascade;`);

    this.addSql(`drop table if exists "repair_job_sequence" cascade;`);

    this.addSql(`drop table if exists "repair_job_status_change" cascade;`);
  }

}
