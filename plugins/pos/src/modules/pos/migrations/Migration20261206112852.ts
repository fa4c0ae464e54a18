import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206112852 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pos_return" add column if not exists "approved_by" text null, add column if not exists "approved_by_name" text null, add column if not exists "approval_method" text check ("approval_method" in ('session', 'credentials')) null, add column if not exists "approval_reasons" jsonb null;`);

    this.addSql(`alter table if exists "pos_setting" add column if not exists "refund_approval_limit_sen" integer null default 20000;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "pos_return" drop column if exists "approved_by", drop column if exists "approved_by_name", drop column if exists "approval_method", drop column if exists "approval_reasons";`);

    this.addSql(`alter table if exists "pos_setting" drop column if exists "refund_approval_limit_sen";`);
  }

}
