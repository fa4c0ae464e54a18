import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201220000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "whatsapp_session" ("id" text not null, "name" text not null, "kind" text check ("kind" in ('baileys', 'simulator')) not null, "phone" text null, "state" text check ("state" in ('new', 'pairing', 'connecting', 'open', 'closed', 'needs_pairing', 'stopped')) not null default 'new', "is_default" boolean not null default false, "enabled" boolean not null default true, "qr" text null, "paired_at" timestamptz null, "last_seen_at" timestamptz null, "reconnect_count" integer not null default 0, "last_disconnect_reason" text null, "alerts" jsonb not null default '[]', "owner" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_session_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_session_deleted_at" ON "whatsapp_session" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_session_is_default" ON "whatsapp_session" ("is_default") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "whatsapp_auth_state" ("id" text not null, "session_id" text not null, "ciphertext" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_auth_state_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_auth_state_session_id_unique" ON "whatsapp_auth_state" ("session_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_auth_state_deleted_at" ON "whatsapp_auth_state" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "whatsapp_message" ("id" text not null, "session_id" text not null, "direction" text check ("direction" in ('in', 'out')) not null, "phone" text not null, "customer_id" text null, "body" text not null, "media" jsonb null, "wa_message_id" text null, "status" text check ("status" in ('pending', 'sent', 'delivered', 'read', 'failed')) not null default 'pending', "status_changed_at" timestamptz null, "error" text null, "idempotency_key" text null, "context_kind" text check ("context_kind" in ('concierge', 'staff', 'quote', 'reminder', 'receipt', 'document', 'alert')) null, "context_ref" text null, "sender_name" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_message_pkey" primary key ("id"));`);
    // Hard guarantees the code relies on (ON CONFLICT targets): no soft-delete predicate on purpose.
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_message_session_wa_id_unique" ON "whatsapp_message" ("session_id", "wa_message_id") WHERE wa_message_id IS NOT NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_message_idempotency_key_unique" ON "whatsapp_message" ("idempotency_key") WHERE idempotency_key IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_phone_created_at" ON "whatsapp_message" ("phone", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_customer_id" ON "whatsapp_message" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_pending_out" ON "whatsapp_message" ("session_id", "created_at") WHERE direction = 'out' AND status = 'pending';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_deleted_at" ON "whatsapp_message" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "whatsapp_contact" ("id" text not null, "phone" text not null, "customer_id" text null, "name" text null, "opted_out_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_contact_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_contact_phone_unique" ON "whatsapp_contact" ("phone");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_contact_customer_id" ON "whatsapp_contact" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_contact_deleted_at" ON "whatsapp_contact" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "whatsapp_contact" cascade;`);
    this.addSql(`drop table if exists "whatsapp_message" cascade;`);
    this.addSql(`drop table if exists "whatsapp_auth_state" cascade;`);
    this.addSql(`drop table if exists "whatsapp_session" cascade;`);
  }
}
