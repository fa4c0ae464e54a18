import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The name and device search keys stored (generated columns) instead of computed per row: a search
 * no longer runs unaccent on every candidate, and the planner has statistics for the columns, so
 * a broad term ("samsung", a tenth of the jobs) reads the newest jobs in order and stops at the
 * window instead of sorting every match. The trigram indexes keep their names on the stored keys.
 */
export class Migration20261206191300 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "repair_job"
      add column if not exists "customer_name_key" text generated always as (public.repair_search_key("customer_name")) stored,
      add column if not exists "device_key" text generated always as (public.repair_search_key("brand" || ' ' || "model")) stored;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_repair_job_customer_name_trgm";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_repair_job_device_trgm";`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_customer_name_trgm" ON "repair_job" USING gin ("customer_name_key" gin_trgm_ops) WITH (fastupdate = off) WHERE "deleted_at" IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_device_trgm" ON "repair_job" USING gin ("device_key" gin_trgm_ops) WITH (fastupdate = off) WHERE "deleted_at" IS NULL;`);
    this.addSql(`ANALYZE "repair_job";`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_repair_job_customer_name_trgm";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_repair_job_device_trgm";`);
    this.addSql(`alter table if exists "repair_job" drop column if exists "customer_name_key", drop column if exists "device_key";`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_customer_name_trgm" ON "repair_job" USING gin (public.repair_search_key("customer_name") gin_trgm_ops) WITH (fastupdate = off) WHERE "deleted_at" IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_device_trgm" ON "repair_job" USING gin (public.repair_search_key("brand" || ' ' || "model") gin_trgm_ops) WITH (fastupdate = off) WHERE "deleted_at" IS NULL;`);
  }

}
