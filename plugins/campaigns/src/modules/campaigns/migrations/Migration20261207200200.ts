import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Routing of a campaign between chat numbers and a Cloud API number: the campaign's `routing` (fixed | auto), its
 * `cloud_template` (the approved template for cold contacts) and `recent_chat_days`; each recipient's `route`
 * (chat | template), decided once at launch.
 */
export class Migration20261207200200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "campaign" add column if not exists "routing" text not null default 'fixed';`);
    this.addSql(`alter table "campaign" drop constraint if exists "campaign_routing_check";`);
    this.addSql(`alter table "campaign" add constraint "campaign_routing_check" check ("routing" in ('fixed','auto'));`);
    this.addSql(`alter table "campaign" add column if not exists "cloud_template" jsonb null;`);
    this.addSql(`alter table "campaign" add column if not exists "recent_chat_days" integer not null default 30;`);
    this.addSql(`alter table "campaign_recipient" add column if not exists "route" text null;`);
    this.addSql(`alter table "campaign_recipient" drop constraint if exists "campaign_recipient_route_check";`);
    this.addSql(`alter table "campaign_recipient" add constraint "campaign_recipient_route_check" check ("route" in ('chat','template'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "campaign_recipient" drop constraint if exists "campaign_recipient_route_check";`);
    this.addSql(`alter table "campaign_recipient" drop column if exists "route";`);
    this.addSql(`alter table "campaign" drop column if exists "recent_chat_days";`);
    this.addSql(`alter table "campaign" drop column if exists "cloud_template";`);
    this.addSql(`alter table "campaign" drop constraint if exists "campaign_routing_check";`);
    this.addSql(`alter table "campaign" drop column if exists "routing";`);
  }
}
