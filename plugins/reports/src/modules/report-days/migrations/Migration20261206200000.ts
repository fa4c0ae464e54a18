import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { createSourceIndexSql, SOURCE_INDEXES } from "../daily/source-indexes";

/**
 * Report daily rows (src/daily): one row per shop day and source (sales), per day, source and line
 * key (best sellers, margins) and the same per month, per day and technician (completed jobs), plus
 * the refresh state.
 *
 * And the indexes on the report sources (daily/source-indexes.ts beside this module); a source table not created yet
 * is skipped here and its indexes are applied when the module loads.
 */
export class Migration20261206200000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "report_refresh_state" ("id" text not null, "watermark" timestamptz null, "complete_before" text null,
      "prices_include_tax" boolean null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null, constraint "report_refresh_state_pkey" primary key ("id"));`);
    this.addSql(`create table if not exists "report_day_sale" ("day" date not null, "source" text not null, "sales" integer not null,
      "revenue_sen" bigint not null, "sst_sen" bigint not null, constraint "report_day_sale_pkey" primary key ("day", "source"));`);
    this.addSql(`create table if not exists "report_day_line" ("day" date not null, "source" text not null, "kind" text not null, "key" text not null,
      "title" text not null, "inventory_item_id" text null, "first_at" timestamptz not null, "quantity" numeric not null, "revenue_sen" bigint not null);`);
    this.addSql(`create index if not exists "IDX_report_day_line_day_source" on "report_day_line" ("day", "source");`);
    // The day lines of whole stored months summed, so a year's best sellers read ~12 rows per item, not ~365.
    this.addSql(`create table if not exists "report_month_line" ("month" date not null, "source" text not null, "kind" text not null, "key" text not null,
      "title" text not null, "inventory_item_id" text null, "first_at" timestamptz not null, "quantity" numeric not null, "revenue_sen" bigint not null);`);
    this.addSql(`create index if not exists "IDX_report_month_line_month_source" on "report_month_line" ("month", "source");`);
    this.addSql(`create table if not exists "report_day_technician" ("day" date not null, "technician" text not null, "jobs" integer not null,
      "turnaround_ms" bigint not null, "revenue_sen" bigint not null, constraint "report_day_technician_pkey" primary key ("day", "technician"));`);

    for (const index of SOURCE_INDEXES) {
      this.addSql(`DO $$ BEGIN IF to_regclass('public.${index.table}') IS NOT NULL THEN EXECUTE $i$${createSourceIndexSql(index)}$i$; END IF; END $$;`);
    }
  }

  override async down(): Promise<void> {
    for (const index of SOURCE_INDEXES) this.addSql(`drop index if exists "${index.name}";`);
    this.addSql(`drop table if exists "report_day_technician";`);
    this.addSql(`drop table if exists "report_month_line";`);
    this.addSql(`drop table if exists "report_day_line";`);
    this.addSql(`drop table if exists "report_day_sale";`);
    this.addSql(`drop table if exists "report_refresh_state";`);
  }

}
