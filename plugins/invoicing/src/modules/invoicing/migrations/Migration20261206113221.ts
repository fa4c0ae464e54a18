import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206113221 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "document_share_link" ("id" text not null, "document_kind" text check ("document_kind" in ('quotation', 'invoice')) not null, "document_id" text not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_by" text null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "document_share_link_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_document_share_link_deleted_at" ON "document_share_link" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_document_share_link_document_kind_document_id" ON "document_share_link" ("document_kind", "document_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "document_share_link" cascade;`);
  }

}
