import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Campaign sending: senders (pacing state), the emergency stop and the shop-wide sending settings. */
export class Migration20261206214500 extends Migration {
  override async up(): Promise<void> {
    const stamps = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`;
    this.addSql(`create table if not exists "campaign_sender" ("id" text not null, "session_id" text not null, "policy" jsonb not null,
      "last_sent_at" timestamptz null, "next_gap_seconds" integer null, "sent_today" integer not null default 0,
      "sends_since_pause" integer not null default 0, "last_campaign_id" text null,
      "paused_at" timestamptz null, "paused_reason" text null, "paused_by" text null, "resumed_at" timestamptz null, "health" jsonb null, "alerted_pause_at" timestamptz null,
      "timelock_until" timestamptz null, "new_chat_cap" integer null,
      ${stamps}, constraint "campaign_sender_pkey" primary key ("id"));`);
    this.addSql(`create unique index if not exists "IDX_campaign_sender_session_id_unique" on "campaign_sender" ("session_id") where deleted_at is null;`);

    this.addSql(`create table if not exists "campaign_control" ("id" text not null, "stopped_at" timestamptz null, "stopped_by" text null,
      "stopped_by_name" text null, "stop_reason" text null, "resumed_at" timestamptz null, "resumed_by" text null,
      ${stamps}, constraint "campaign_control_pkey" primary key ("id"));`);
    this.addSql(`insert into "campaign_control" ("id") values ('emergency_stop') on conflict do nothing;`);

    this.addSql(`create table if not exists "campaign_settings" ("id" text not null, "contact_cap_days" integer not null default 7,
      "identical_text_per_hour" integer not null default 20, "state" text not null default 'SGR',
      ${stamps}, constraint "campaign_settings_pkey" primary key ("id"));`);
    this.addSql(`insert into "campaign_settings" ("id") values ('default') on conflict do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "campaign_settings" cascade;`);
    this.addSql(`drop table if exists "campaign_control" cascade;`);
    this.addSql(`drop table if exists "campaign_sender" cascade;`);
  }
}
