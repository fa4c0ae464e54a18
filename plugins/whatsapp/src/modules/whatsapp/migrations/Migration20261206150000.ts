import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The outbound row is its own outbox: a claim (lease) per send attempt, so a crash mid-send is taken over. */
export class Migration20261206150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_message" add column if not exists "lease_until" timestamptz null;`);
    this.addSql(`alter table if exists "whatsapp_message" add column if not exists "claimed_by" text null;`);
    this.addSql(`alter table if exists "whatsapp_message" add column if not exists "send_attempts" integer not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_message" drop column if exists "lease_until";`);
    this.addSql(`alter table if exists "whatsapp_message" drop column if exists "claimed_by";`);
    this.addSql(`alter table if exists "whatsapp_message" drop column if exists "send_attempts";`);
  }
}
