import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201213856 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "concierge_conversation" drop constraint if exists "concierge_conversation_phone_unique";`);
    this.addSql(`create table if not exists "concierge_conversation" ("id" text not null, "phone" text not null, "customer_id" text null, "mode" text check ("mode" in ('bot', 'handoff')) not null default 'bot', "summary" text not null default '', "recent_turns" jsonb not null, "language" text check ("language" in ('ms', 'en', 'mixed')) not null default 'mixed', "last_message_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "concierge_conversation_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_concierge_conversation_phone_unique" ON "concierge_conversation" ("phone") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_conversation_deleted_at" ON "concierge_conversation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_conversation_last_message_at" ON "concierge_conversation" ("last_message_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "concierge_draft" ("id" text not null, "phone" text not null, "body" text not null, "language" text check ("language" in ('ms', 'en', 'mixed')) not null default 'mixed', "source_text" text not null, "requested_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "concierge_draft_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_draft_deleted_at" ON "concierge_draft" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_draft_phone" ON "concierge_draft" ("phone") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "concierge_handoff" ("id" text not null, "phone" text not null, "customer_id" text null, "reason" text not null, "summary" text null, "job_number" text null, "status" text check ("status" in ('open', 'claimed', 'closed')) not null default 'open', "assigned_to" text null, "assigned_name" text null, "opened_at" timestamptz not null, "last_staff_reply_at" timestamptz null, "escalated_at" timestamptz null, "closed_at" timestamptz null, "closed_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "concierge_handoff_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_handoff_deleted_at" ON "concierge_handoff" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_handoff_phone_status" ON "concierge_handoff" ("phone", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_handoff_status_opened_at" ON "concierge_handoff" ("status", "opened_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "concierge_knowledge_document" ("id" text not null, "kind" text check ("kind" in ('faq', 'price_list', 'policy', 'hours')) not null, "title" text not null, "body" text not null, "language" text check ("language" in ('ms', 'en', 'mixed')) not null default 'mixed', "updated_by" text not null, "chunk_count" integer not null default 0, "embedder" text null, "embedded_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "concierge_knowledge_document_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_knowledge_document_deleted_at" ON "concierge_knowledge_document" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_knowledge_document_kind" ON "concierge_knowledge_document" ("kind") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "concierge_setting" ("id" text not null, "value" jsonb not null, "updated_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "concierge_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_setting_deleted_at" ON "concierge_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "concierge_conversation" cascade;`);

    this.addSql(`drop table if exists "concierge_draft" cascade;`);

    this.addSql(`drop table if exists "concierge_handoff" cascade;`);

    this.addSql(`drop table if exists "concierge_knowledge_document" cascade;`);

    this.addSql(`drop table if exists "concierge_setting" cascade;`);
  }

}
