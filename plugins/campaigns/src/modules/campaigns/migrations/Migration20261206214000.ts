import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The campaign planner's tables, with the indexes the send gate, analytics and lists read. */
export class Migration20261206214000 extends Migration {
  override async up(): Promise<void> {
    const stamps = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`;
    this.addSql(`create table if not exists "campaign" ("id" text not null, "name" text not null, "description" text null,
      "status" text check ("status" in ('draft','scheduled','running','paused','completed','cancelled')) not null default 'draft',
      "session_ids" jsonb not null default '[]', "schedule" jsonb not null default '{"kind":"now"}',
      "needs_confirmation" boolean not null default false, "stale_after_minutes" integer not null default 60,
      "template_ms" text not null default '', "template_en" text not null default '', "fallbacks" jsonb not null default '{}',
      "media" jsonb null, "audience" jsonb not null default '{"mode":"filter","filter":{},"freeze_at_launch":true}',
      "reply_window_days" integer not null default 3, "conversion_window_days" integer not null default 14,
      "run_no" integer not null default 0, "next_run_at" timestamptz null, "start_due" integer null,
      "created_by" text null, "launched_at" timestamptz null, "completed_at" timestamptz null, "stopped_reason" text null,
      ${stamps}, constraint "campaign_pkey" primary key ("id"));`);
    this.addSql(`create index if not exists "IDX_campaign_list" on "campaign" ("created_at" desc, "id" desc) where deleted_at is null;`);
    this.addSql(`create index if not exists "IDX_campaign_status_list" on "campaign" ("status", "created_at" desc, "id" desc) where deleted_at is null;`);
    this.addSql(`create index if not exists "IDX_campaign_next_run" on "campaign" ("next_run_at") where status = 'scheduled' and deleted_at is null;`);
    this.addSql(`create index if not exists "IDX_campaign_start_due" on "campaign" ("id") where start_due is not null and deleted_at is null;`);
    this.addSql(`create index if not exists "IDX_campaign_running" on "campaign" ("id") where status = 'running' and deleted_at is null;`);

    this.addSql(`create table if not exists "campaign_event" ("id" text not null, "campaign_id" text not null, "from_status" text null,
      "to_status" text not null, "action" text not null, "actor_id" text null, "actor_name" text null, "reason" text null,
      "run_no" integer null, ${stamps}, constraint "campaign_event_pkey" primary key ("id"));`);
    this.addSql(`create index if not exists "IDX_campaign_event_campaign" on "campaign_event" ("campaign_id", "created_at", "id");`);

    this.addSql(`create table if not exists "campaign_recipient" ("id" text not null, "campaign_id" text not null, "run_no" integer not null,
      "customer_id" text null, "phone" text not null, "name" text null,
      "language" text check ("language" in ('ms','en')) not null default 'ms', "values" jsonb not null default '{}',
      "session_id" text null,
      "status" text check ("status" in ('queued','sending','sent','delivered','read','failed','skipped')) not null default 'queued',
      "reason" text null, "idempotency_key" text not null, "body" text null, "message_id" text null,
      "claimed_at" timestamptz null, "sent_at" timestamptz null, "delivered_at" timestamptz null, "read_at" timestamptz null,
      "failed_at" timestamptz null, "replied_at" timestamptz null, "opted_out_at" timestamptz null, "converted_at" timestamptz null,
      "conversion_ref" text null, ${stamps}, constraint "campaign_recipient_pkey" primary key ("id"));`);
    this.addSql(`create unique index if not exists "IDX_campaign_recipient_key" on "campaign_recipient" ("idempotency_key");`);
    // (campaign, run, status): counts per run and the run's remaining work are index-only.
    this.addSql(`create index if not exists "IDX_campaign_recipient_campaign_status" on "campaign_recipient" ("campaign_id", "run_no", "status");`);
    this.addSql(`create index if not exists "IDX_campaign_recipient_campaign_id" on "campaign_recipient" ("campaign_id", "id");`);
    this.addSql(`create index if not exists "IDX_campaign_recipient_work" on "campaign_recipient" ("session_id", "status", "id") where status in ('queued','sending');`);
    this.addSql(`create index if not exists "IDX_campaign_recipient_session_sent" on "campaign_recipient" ("session_id", "sent_at");`);
    this.addSql(`create index if not exists "IDX_campaign_recipient_phone_sent" on "campaign_recipient" ("phone", "sent_at");`);
    this.addSql(`create index if not exists "IDX_campaign_recipient_message" on "campaign_recipient" ("message_id") where message_id is not null;`);
    this.addSql(`create index if not exists "IDX_campaign_recipient_customer_sent" on "campaign_recipient" ("customer_id", "sent_at") where customer_id is not null;`);

    this.addSql(`create table if not exists "campaign_list_entry" ("id" text not null, "campaign_id" text not null, "phone" text not null,
      "name" text null, "values" jsonb not null default '{}', "line" integer not null, ${stamps},
      constraint "campaign_list_entry_pkey" primary key ("id"));`);
    this.addSql(`create unique index if not exists "IDX_campaign_list_entry_phone" on "campaign_list_entry" ("campaign_id", "phone");`);
    this.addSql(`create index if not exists "IDX_campaign_list_entry_line" on "campaign_list_entry" ("campaign_id", "line");`);

    this.addSql(`create table if not exists "campaign_template" ("id" text not null, "name" text not null,
      "language" text check ("language" in ('ms','en')) not null, "body" text not null, "created_by" text null, ${stamps},
      constraint "campaign_template_pkey" primary key ("id"));`);
    this.addSql(`create index if not exists "IDX_campaign_template_list" on "campaign_template" ("language", "name") where deleted_at is null;`);

    this.addSql(`create table if not exists "campaign_blacklist" ("id" text not null, "phone" text not null, "reason" text not null,
      "added_by" text null, "removed_at" timestamptz null, "removed_by" text null, "removed_reason" text null, ${stamps},
      constraint "campaign_blacklist_pkey" primary key ("id"));`);
    this.addSql(`create unique index if not exists "IDX_campaign_blacklist_active_phone" on "campaign_blacklist" ("phone") where removed_at is null;`);
    this.addSql(`create index if not exists "IDX_campaign_blacklist_list" on "campaign_blacklist" ("created_at" desc, "id" desc);`);
  }

  override async down(): Promise<void> {
    for (const table of ["campaign_blacklist", "campaign_template", "campaign_list_entry", "campaign_recipient", "campaign_event", "campaign"]) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
  }
}
