import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** A run tally's recipients by status, kept beside its rows: a page of campaigns reads a few numbers per run. */
export class Migration20261206224500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "campaign_run_tally" add column if not exists "status_counts" jsonb not null default '{}';`);
    this.addSql(`update "campaign_run_tally" t set "status_counts" = coalesce((select jsonb_object_agg(s.status, s.n)
      from (select x ->> 'status' as status, sum((x ->> 'n')::int) as n from jsonb_array_elements(t."rows") x
            where (x ->> 'grouping_set')::int = 3 group by x ->> 'status') s), '{}'::jsonb);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "campaign_run_tally" drop column if exists "status_counts";`);
  }
}
