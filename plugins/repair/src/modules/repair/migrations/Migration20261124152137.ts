import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124152137 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "repair_job" drop constraint if exists "repair_job_tracking_token_unique";`);
    this.addSql(`create table if not exists "repair_job_event" ("id" text not null, "kind" text check ("kind" in ('assigned', 'priority', 'eta', 'diagnosis', 'note')) not null, "detail" jsonb not null, "actor" text not null, "actor_id" text null, "at" timestamptz not null, "repair_job_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "repair_job_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_event_repair_job_id" ON "repair_job_event" ("repair_job_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_event_deleted_at" ON "repair_job_event" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "repair_job_photo" ("id" text not null, "file_id" text not null, "url" text not null, "tag" text check ("tag" in ('before', 'during', 'after')) not null, "caption" text null, "mime_type" text not null, "size_bytes" integer not null, "taken_by" text not null, "taken_by_id" text null, "repair_job_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "repair_job_photo_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_photo_repair_job_id" ON "repair_job_photo" ("repair_job_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_photo_deleted_at" ON "repair_job_photo" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "repair_job_event" add constraint "repair_job_event_repair_job_id_foreign" foreign key ("repair_job_id") references "repair_job" ("id") on update cascade;`);

    this.addSql(`alter table if exists "repair_job_photo" add constraint "repair_job_photo_repair_job_id_foreign" foreign key ("repair_job_id") references "repair_job" ("id") on update cascade;`);

    this.addSql(`alter table if exists "repair_job" add column if not exists "imei_serial" text null, add column if not exists "colour" text null, add column if not exists "accessories" jsonb not null default '[]', add column if not exists "condition_notes" text null, add column if not exists "deposit_sen" integer not null default 0, add column if not exists "technician_id" text null, add column if not exists "technician_name" text null, add column if not exists "diagnosis" text null, add column if not exists "received_at" timestamptz null, add column if not exists "sla_due_at" timestamptz null, add column if not exists "sla_paused_seconds" integer not null default 0, add column if not exists "sla_paused_since" timestamptz null, add column if not exists "eta" timestamptz null, add column if not exists "completed_at" timestamptz null, add column if not exists "delivered_at" timestamptz null, add column if not exists "tracking_token" text null;`);

    // Jobs taken in before these fields existed: received when created, due by the default SLA hours
    // (low 120, normal 72, high 24, urgent 4), a fresh tracking token (two UUIDv4 = 32 bytes, base64url),
    // and the SLA clock stopped or paused since their last status change when not running.
    this.addSql(`update "repair_job" set "received_at" = "created_at" where "received_at" is null;`);
    this.addSql(`update "repair_job" set "sla_due_at" = "received_at" + (case "priority" when 'urgent' then 4 when 'high' then 24 when 'low' then 120 else 72 end) * interval '1 hour' where "sla_due_at" is null;`);
    this.addSql(`update "repair_job" set "tracking_token" = translate(encode(decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'), 'base64'), '+/=', '-_') where "tracking_token" is null;`);
    this.addSql(`update "repair_job" j set "completed_at" = (select max(c."changed_at") from "repair_job_status_change" c where c."repair_job_id" = j."id" and c."to_status" = 'completed') where j."status" in ('completed', 'delivered') and j."completed_at" is null;`);
    this.addSql(`update "repair_job" j set "delivered_at" = coalesce((select max(c."changed_at") from "repair_job_status_change" c where c."repair_job_id" = j."id" and c."to_status" = 'delivered'), j."updated_at") where j."status" = 'delivered' and j."delivered_at" is null;`);
    // A delivered job's clock stopped when it was completed.
    this.addSql(`update "repair_job" j set "sla_paused_since" = coalesce(case when j."status" = 'delivered' then j."completed_at" end, (select max(c."changed_at") from "repair_job_status_change" c where c."repair_job_id" = j."id" and c."to_status" = j."status"), j."updated_at") where j."status" not in ('pending', 'in_progress') and j."sla_paused_since" is null;`);
    this.addSql(`alter table if exists "repair_job" alter column "received_at" set not null, alter column "sla_due_at" set not null, alter column "tracking_token" set not null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_repair_job_tracking_token_unique" ON "repair_job" ("tracking_token") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_imei_serial" ON "repair_job" ("imei_serial") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_technician_id" ON "repair_job" ("technician_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "repair_job_event" cascade;`);

    this.addSql(`drop table if exists "repair_job_photo" cascade;`);

    this.addSql(`drop index if exists "IDX_repair_job_tracking_token_unique";`);
    this.addSql(`drop index if exists "IDX_repair_job_imei_serial";`);
    this.addSql(`drop index if exists "IDX_repair_job_technician_id";`);
    this.addSql(`alter table if exists "repair_job" drop column if exists "imei_serial", drop column if exists "colour", drop column if exists "accessories", drop column if exists "condition_notes", drop column if exists "deposit_sen", drop column if exists "technician_id", drop column if exists "technician_name", drop column if exists "diagnosis", drop column if exists "received_at", drop column if exists "sla_due_at", drop column if exists "sla_paused_seconds", drop column if exists "sla_paused_since", drop column if exists "eta", drop column if exists "completed_at", drop column if exists "delivered_at", drop column if exists "tracking_token";`);
  }

}
