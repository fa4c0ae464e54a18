import { Migration } from "@medusajs/framework/mikro-orm/migrations";

const KINDS_BEFORE = ["baileys", "simulator"];

function kindCheck(kinds: string[]): string {
  return `ALTER TABLE "whatsapp_session" ADD CONSTRAINT "whatsapp_session_kind_check" CHECK ("kind" IN (${kinds.map((k) => `'${k}'`).join(", ")}));`;
}

/**
 * WhatsApp Cloud API sessions: the number's ids, its secrets sealed with the key ring (one `vk1` JSON
 * value, the session id as associated data), the webhook de-duplication keys, and the statuses that
 * arrive before their send recorded WhatsApp's id.
 */
export class Migration20261207200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE "whatsapp_session" DROP CONSTRAINT IF EXISTS "whatsapp_session_kind_check";`);
    this.addSql(kindCheck([...KINDS_BEFORE, "cloud_api"]));
    this.addSql(`ALTER TABLE "whatsapp_session" ADD COLUMN IF NOT EXISTS "cloud_phone_number_id" text NULL;`);
    this.addSql(`ALTER TABLE "whatsapp_session" ADD COLUMN IF NOT EXISTS "cloud_waba_id" text NULL;`);
    this.addSql(`ALTER TABLE "whatsapp_session" ADD COLUMN IF NOT EXISTS "cloud_secrets" text NULL;`);
    // Plaintext never lands here: only a sealed value (or nothing).
    this.addSql(`ALTER TABLE "whatsapp_session" DROP CONSTRAINT IF EXISTS "whatsapp_session_cloud_secrets_sealed";`);
    this.addSql(`ALTER TABLE "whatsapp_session" ADD CONSTRAINT "whatsapp_session_cloud_secrets_sealed" CHECK ("cloud_secrets" IS NULL OR "cloud_secrets" LIKE 'vk1.%');`);
    // A webhook names the number by its phone number id: one live session per id.
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_session_cloud_phone_number_id_unique" ON "whatsapp_session" ("cloud_phone_number_id") WHERE "cloud_phone_number_id" IS NOT NULL AND "deleted_at" IS NULL;`);

    this.addSql(`CREATE TABLE IF NOT EXISTS "whatsapp_webhook_event" ("key" text NOT NULL, "received_at" timestamptz NOT NULL DEFAULT now(), "created_at" timestamptz NOT NULL DEFAULT now(), "updated_at" timestamptz NOT NULL DEFAULT now(), "deleted_at" timestamptz NULL, CONSTRAINT "whatsapp_webhook_event_pkey" PRIMARY KEY ("key"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_webhook_event_received_at" ON "whatsapp_webhook_event" ("received_at");`);

    this.addSql(`CREATE TABLE IF NOT EXISTS "whatsapp_status_backlog" ("id" text NOT NULL, "session_id" text NOT NULL, "wa_message_id" text NULL, "correlation_id" text NULL, "status" text CHECK ("status" IN ('sent', 'delivered', 'read', 'failed')) NOT NULL, "error_code" integer NULL, "error" text NULL, "received_at" timestamptz NOT NULL DEFAULT now(), "created_at" timestamptz NOT NULL DEFAULT now(), "updated_at" timestamptz NOT NULL DEFAULT now(), "deleted_at" timestamptz NULL, CONSTRAINT "whatsapp_status_backlog_pkey" PRIMARY KEY ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_status_backlog_session_wa_id" ON "whatsapp_status_backlog" ("session_id", "wa_message_id") WHERE "wa_message_id" IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_status_backlog_correlation_id" ON "whatsapp_status_backlog" ("correlation_id") WHERE "correlation_id" IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_status_backlog_received_at" ON "whatsapp_status_backlog" ("received_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TABLE IF EXISTS "whatsapp_status_backlog" CASCADE;`);
    this.addSql(`DROP TABLE IF EXISTS "whatsapp_webhook_event" CASCADE;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_whatsapp_session_cloud_phone_number_id_unique";`);
    this.addSql(`ALTER TABLE "whatsapp_session" DROP CONSTRAINT IF EXISTS "whatsapp_session_cloud_secrets_sealed";`);
    for (const column of ["cloud_secrets", "cloud_waba_id", "cloud_phone_number_id"]) this.addSql(`ALTER TABLE "whatsapp_session" DROP COLUMN IF EXISTS "${column}";`);
    this.addSql(`ALTER TABLE "whatsapp_session" DROP CONSTRAINT IF EXISTS "whatsapp_session_kind_check";`);
    this.addSql(kindCheck(KINDS_BEFORE));
  }
}
