import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Search and list indexes for the job list at shop scale (hundreds of thousands of jobs).
 *
 * - `phone_digits`: the phone's digits only, so any run of digits typed in any format matches
 *   (trigram GIN). `job_number_key`: the job number without separators, upper case, so
 *   "VSH2026000123" and "2026000123" find VSH-2026-000123 (btree pattern ops for exact / prefix,
 *   trigram GIN for a part). IMEI / serial: the same pair.
 * - `repair_search_key(text)`: lower case without accents, IMMUTABLE so it can be indexed
 *   (unaccent itself is only STABLE); trigram GIN on the customer's name and on brand + model.
 * - GIN without fastupdate, so a search never scans a pending list of recent inserts.
 * - btree indexes for each filter and sort of GET /admin/repair-jobs, the board and the SLA
 *   breaches, on live rows only.
 */
export class Migration20261206160000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;`);
    this.addSql(`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;`);
    this.addSql(`CREATE OR REPLACE FUNCTION public.repair_search_key(value text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;`);
    this.addSql(`alter table if exists "repair_job"
      add column if not exists "phone_digits" text generated always as (regexp_replace("customer_phone", '\\D', '', 'g')) stored,
      add column if not exists "job_number_key" text generated always as (upper(regexp_replace("job_number", '[^A-Za-z0-9]', '', 'g'))) stored;`);

    const live = `WHERE "deleted_at" IS NULL`;
    // No pending list: every search reads the index proper (intake adds a few hundred jobs a day).
    const gin = `WITH (fastupdate = off) ${live}`;
    const indexes: Array<[string, string]> = [
      ["phone_digits_trgm", `USING gin ("phone_digits" gin_trgm_ops) ${gin}`],
      ["job_number_key_pattern", `("job_number_key" text_pattern_ops) ${live}`],
      ["job_number_key_trgm", `USING gin ("job_number_key" gin_trgm_ops) ${gin}`],
      ["imei_serial_pattern", `("imei_serial" text_pattern_ops) ${live} AND "imei_serial" IS NOT NULL`],
      ["imei_serial_trgm", `USING gin ("imei_serial" gin_trgm_ops) ${gin} AND "imei_serial" IS NOT NULL`],
      ["customer_name_trgm", `USING gin (public.repair_search_key("customer_name") gin_trgm_ops) ${gin}`],
      ["device_trgm", `USING gin (public.repair_search_key("brand" || ' ' || "model") gin_trgm_ops) ${gin}`],
      ["created_at_id", `("created_at", "id") ${live}`],
      ["received_at_id", `("received_at", "id") ${live}`],
      ["sla_due_at_id", `("sla_due_at", "id") ${live}`],
      ["updated_at", `("updated_at") ${live}`],
      ["status_created_at", `("status", "created_at", "id") ${live}`],
      ["status_sla_due_at", `("status", "sla_due_at") ${live}`],
      ["technician_created_at", `("technician_id", "created_at", "id") ${live}`],
      ["priority_created_at", `("priority", "created_at", "id") ${live}`],
      ["device_type_created_at", `("device_type", "created_at", "id") ${live}`],
    ];
    for (const [name, definition] of indexes) {
      this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_${name}" ON "repair_job" ${definition};`);
    }
  }

  override async down(): Promise<void> {
    for (const name of [
      "phone_digits_trgm", "job_number_key_pattern", "job_number_key_trgm", "imei_serial_pattern", "imei_serial_trgm",
      "customer_name_trgm", "device_trgm", "created_at_id", "received_at_id", "sla_due_at_id", "updated_at",
      "status_created_at", "status_sla_due_at", "technician_created_at", "priority_created_at", "device_type_created_at",
    ]) {
      this.addSql(`DROP INDEX IF EXISTS "IDX_repair_job_${name}";`);
    }
    this.addSql(`alter table if exists "repair_job" drop column if exists "phone_digits", drop column if exists "job_number_key";`);
    this.addSql(`DROP FUNCTION IF EXISTS public.repair_search_key(text);`);
  }

}
