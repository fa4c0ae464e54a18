import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206124000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pos_sale" drop constraint if exists "pos_sale_status_check";`);
    this.addSql(`alter table if exists "pos_sale" add constraint "pos_sale_status_check" check ("status" in ('pending', 'committed', 'completed'));`);
    this.addSql(`alter table if exists "pos_sale" add column if not exists "lease_until" timestamptz null, add column if not exists "outbox" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "pos_sale" drop column if exists "lease_until", drop column if exists "outbox";`);
    this.addSql(`alter table if exists "pos_sale" drop constraint if exists "pos_sale_status_check";`);
    this.addSql(`alter table if exists "pos_sale" add constraint "pos_sale_status_check" check ("status" in ('pending', 'completed'));`);
  }

}
