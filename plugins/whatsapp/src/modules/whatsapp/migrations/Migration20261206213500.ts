import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** A session's WhatsApp limits (timelock, new-chat cap) and its recent refused sends (463/401/403), for campaign pacing. */
export class Migration20261206213500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE "whatsapp_session" ADD COLUMN IF NOT EXISTS "limits" jsonb NULL;`);
    this.addSql(`ALTER TABLE "whatsapp_session" ADD COLUMN IF NOT EXISTS "send_failures" jsonb NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`ALTER TABLE "whatsapp_session" DROP COLUMN IF EXISTS "send_failures";`);
    this.addSql(`ALTER TABLE "whatsapp_session" DROP COLUMN IF EXISTS "limits";`);
  }
}
