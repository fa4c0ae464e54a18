import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A quiet run's analytics rows, counted once (campaign_run_tally), and the index that tells whether a run is still
 * quiet: the newest `updated_at` of its recipients (every recipient write sets it).
 */
export class Migration20261206223100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "campaign_run_tally" ("campaign_id" text not null, "run_no" integer not null,
      "rows" jsonb not null, "counted_through" timestamptz not null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      constraint "campaign_run_tally_pkey" primary key ("campaign_id", "run_no"));`);
    this.addSql(`create index if not exists "IDX_campaign_recipient_run_updated" on "campaign_recipient" ("campaign_id", "run_no", "updated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_campaign_recipient_run_updated";`);
    this.addSql(`drop table if exists "campaign_run_tally" cascade;`);
  }
}
