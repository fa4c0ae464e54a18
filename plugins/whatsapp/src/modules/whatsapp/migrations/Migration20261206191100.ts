import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The message log at a million rows: each list filter leads an index ending in (created_at, id),
 * so a page (newest first, keyset cursor) and its capped count read only what they return. The
 * chat index replaces (phone, created_at), which it covers.
 */
export class Migration20261206191100 extends Migration {
  override async up(): Promise<void> {
    const live = `WHERE "deleted_at" IS NULL`;
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_phone_created_at_id" ON "whatsapp_message" ("phone", "created_at", "id") ${live};`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_customer_created_at_id" ON "whatsapp_message" ("customer_id", "created_at", "id") ${live} AND "customer_id" IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_created_at_id" ON "whatsapp_message" ("created_at", "id") ${live};`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_whatsapp_message_phone_created_at";`);
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_phone_created_at" ON "whatsapp_message" ("phone", "created_at") WHERE deleted_at IS NULL;`);
    for (const name of ["phone_created_at_id", "customer_created_at_id", "created_at_id"]) this.addSql(`DROP INDEX IF EXISTS "IDX_whatsapp_message_${name}";`);
  }
}
