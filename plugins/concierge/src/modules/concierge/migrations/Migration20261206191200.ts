import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The inbox: chats by last activity (the last turn, or when the chat was opened), newest first, with the id as tie-break. */
export class Migration20261206191200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_conversation_last_activity" ON "concierge_conversation" ((coalesce("last_message_at", "created_at")) DESC, "id" DESC) WHERE "deleted_at" IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_concierge_conversation_last_activity";`);
  }
}
