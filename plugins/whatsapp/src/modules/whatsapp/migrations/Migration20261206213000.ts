import { Migration } from "@medusajs/framework/mikro-orm/migrations";

const KINDS_BEFORE = ["concierge", "staff", "quote", "reminder", "receipt", "document", "alert"];

function kindCheck(kinds: string[]): string {
  return `ALTER TABLE "whatsapp_message" ADD CONSTRAINT "whatsapp_message_context_kind_check" CHECK ("context_kind" IN (${kinds.map((k) => `'${k}'`).join(", ")}));`;
}

/** Campaign messages are a context kind of their own (opted-out contacts do not get them). */
export class Migration20261206213000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE "whatsapp_message" DROP CONSTRAINT IF EXISTS "whatsapp_message_context_kind_check";`);
    this.addSql(kindCheck([...KINDS_BEFORE, "campaign"]));
  }

  override async down(): Promise<void> {
    this.addSql(`ALTER TABLE "whatsapp_message" DROP CONSTRAINT IF EXISTS "whatsapp_message_context_kind_check";`);
    this.addSql(kindCheck(KINDS_BEFORE));
  }
}
