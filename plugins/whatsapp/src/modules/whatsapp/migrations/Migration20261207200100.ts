import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Cloud API rules: the account's message templates and which one each reminder purpose uses, the
 * template a message was sent with, and two indexes for the rules read before every Cloud API send:
 * the customer's last inbound message on the number (the 24-hour window) and the distinct phones the
 * number wrote to in the last 24 hours (the messaging limit tier).
 */
export class Migration20261207200100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE IF NOT EXISTS "whatsapp_template" (
      "id" text NOT NULL,
      "session_id" text NOT NULL,
      "name" text NOT NULL,
      "language" text NOT NULL,
      "category" text NOT NULL,
      "status" text NOT NULL CHECK ("status" IN ('APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED')),
      "components" jsonb NOT NULL DEFAULT '[]'::jsonb,
      "body_text" text NOT NULL DEFAULT '',
      "param_count" integer NOT NULL DEFAULT 0,
      "rejected_reason" text NULL,
      "synced_at" timestamptz NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "deleted_at" timestamptz NULL,
      CONSTRAINT "whatsapp_template_pkey" PRIMARY KEY ("id")
    );`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_template_session_name_language_unique"
      ON "whatsapp_template" ("session_id", "name", "language") WHERE "deleted_at" IS NULL;`);

    this.addSql(`CREATE TABLE IF NOT EXISTS "whatsapp_template_binding" (
      "id" text NOT NULL,
      "session_id" text NOT NULL,
      "purpose" text NOT NULL,
      "language" text NOT NULL,
      "template_name" text NOT NULL,
      "params" jsonb NOT NULL DEFAULT '[]'::jsonb,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "deleted_at" timestamptz NULL,
      CONSTRAINT "whatsapp_template_binding_pkey" PRIMARY KEY ("id")
    );`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_template_binding_session_purpose_language_unique"
      ON "whatsapp_template_binding" ("session_id", "purpose", "language") WHERE "deleted_at" IS NULL;`);

    this.addSql(`ALTER TABLE "whatsapp_message" ADD COLUMN IF NOT EXISTS "template" jsonb NULL;`);
    // The customer's newest inbound message on a number: one index probe per send.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_inbound_session_phone_created"
      ON "whatsapp_message" ("session_id", "phone", "created_at" DESC) WHERE "direction" = 'in' AND "deleted_at" IS NULL;`);
    // Distinct phones a number wrote to in the last 24 h: an index-only range over one day.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_outbound_session_created_phone"
      ON "whatsapp_message" ("session_id", "created_at", "phone") WHERE "direction" = 'out' AND "status" <> 'failed' AND "deleted_at" IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_whatsapp_message_outbound_session_created_phone";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_whatsapp_message_inbound_session_phone_created";`);
    this.addSql(`ALTER TABLE "whatsapp_message" DROP COLUMN IF EXISTS "template";`);
    this.addSql(`DROP TABLE IF EXISTS "whatsapp_template_binding";`);
    this.addSql(`DROP TABLE IF EXISTS "whatsapp_template";`);
  }
}
