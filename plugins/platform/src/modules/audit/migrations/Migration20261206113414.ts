import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206113414 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "audit_entry" ("id" text not null, "occurred_at" timestamptz not null default now(), "actor_id" text null, "actor_role" text null, "actor_name" text null, "action" text not null, "entity" text not null, "entity_id" text null, "changes" jsonb null, "metadata" jsonb null, "request_id" text null, "ip" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_deleted_at" ON "audit_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_occurred_at_id" ON "audit_entry" ("occurred_at", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_actor_id_occurred_at" ON "audit_entry" ("actor_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_entity_entity_id_occurred_at" ON "audit_entry" ("entity", "entity_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_action_occurred_at" ON "audit_entry" ("action", "occurred_at") WHERE deleted_at IS NULL;`);
    // Append-only, enforced by the database for every role that writes to it, the app's own
    // included: UPDATE, DELETE and TRUNCATE raise. Statement-level, so even an attempt that would
    // touch no row fails. Retention will come through its own controlled path.
    this.addSql(`CREATE OR REPLACE FUNCTION "audit_entry_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;`);
    this.addSql(`DROP TRIGGER IF EXISTS "audit_entry_append_only" ON "audit_entry";`);
    this.addSql(`CREATE TRIGGER "audit_entry_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_refuse_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop function if exists "audit_entry_refuse_change"();`);
  }

}
