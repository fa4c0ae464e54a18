import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Live changes (`live_event`): one row per change staff should see without reloading, kept 24 h for consoles
 * that reconnect (`seq` is the SSE event id). Rows are written by the live subscriber and by the audit and
 * maintenance triggers; each insert is announced with `pg_notify('voltura_live', seq)`, delivered at commit.
 */
export class Migration20261207100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE IF NOT EXISTS "live_event" (
      "seq" bigserial NOT NULL,
      "topic" text NOT NULL,
      "entity_id" text NOT NULL,
      "action" text NOT NULL,
      "actor_id" text NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "live_event_pkey" PRIMARY KEY ("seq"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_event_created_at" ON "live_event" ("created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TABLE IF EXISTS "live_event" CASCADE;`);
  }
}
