/** The counter tables that number_series replaces, each dropped by its own module's migration. */
export const OLD_COUNTER_TABLES = [
  "repair_job_sequence",
  "repair_invoice_sequence",
  "quotation_sequence",
  "pos_receipt_sequence",
  "purchase_order_sequence",
] as const;
export type OldCounterTable = (typeof OLD_COUNTER_TABLES)[number];

/** number_series as its model defines it; every migration that moves a counter creates it first. */
export const CREATE_NUMBER_SERIES_SQL = [
  `CREATE TABLE IF NOT EXISTS "number_series" ("id" text not null, "last_value" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "number_series_pkey" primary key ("id"));`,
  `CREATE INDEX IF NOT EXISTS "IDX_number_series_deleted_at" ON "number_series" ("deleted_at") WHERE deleted_at IS NULL;`,
];

/**
 * Copies an old counter's rows into number_series keeping the higher value of the two (GREATEST), so
 * whichever module's migration runs first no number is handed out twice. With `drop`, the old table goes
 * in the same statement; a missing table (already moved) does nothing.
 */
export function adoptCounterSql(table: OldCounterTable, opts: { drop: boolean }): string {
  return `DO $$ BEGIN
  IF to_regclass('public.${table}') IS NOT NULL THEN
    INSERT INTO number_series (id, last_value, created_at, updated_at)
      SELECT id, last_value, created_at, now() FROM ${table} WHERE deleted_at IS NULL
      ON CONFLICT (id) DO UPDATE SET last_value = GREATEST(number_series.last_value, EXCLUDED.last_value), updated_at = now();
    ${opts.drop ? `DROP TABLE ${table} CASCADE;` : ""}
  END IF;
END $$;`;
}

/** The statements a module's migration runs to move its old counter into number_series and drop it. */
export function moveCounterToNumberSeriesSql(table: OldCounterTable): string[] {
  return [...CREATE_NUMBER_SERIES_SQL, adoptCounterSql(table, { drop: true })];
}
