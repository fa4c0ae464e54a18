import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Message templates: the shop's own texts of outbound WhatsApp messages, one row per kind and language. */
export class Migration20261207120000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "message_template" ("id" text not null, "kind" text not null, "language" text not null, "body" text not null, "updated_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "message_template_pkey" primary key ("id"), constraint "message_template_language_check" check ("language" in ('en', 'ms')), constraint "message_template_body_check" check (length("body") between 1 and 1000));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_message_template_kind_language_unique" ON "message_template" ("kind", "language") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_message_template_deleted_at" ON "message_template" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "message_template" cascade;`);
  }

}
