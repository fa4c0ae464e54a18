// psql against the target database. Each step is one script run in ONE transaction (`-1`), so a
// step is all there or not there at all; the deterministic helpers live in pg_temp for that session.
import { spawnSync } from "node:child_process";

/** Deterministic helpers: a hash of (row number, salt) instead of random(), so every run writes the same data. */
const HELPERS = `
CREATE FUNCTION pg_temp.rnd(i bigint, salt int) RETURNS float8 IMMUTABLE LANGUAGE sql AS
  $$ SELECT (hashint8extended(i, salt) & 4503599627370495)::float8 / 4503599627370496 $$;
CREATE FUNCTION pg_temp.pick(i bigint, salt int, n int) RETURNS int IMMUTABLE LANGUAGE sql AS
  $$ SELECT LEAST(n - 1, floor(pg_temp.rnd(i, salt) * n)::int) $$;
CREATE FUNCTION pg_temp.sid(prefix text, i bigint) RETURNS text IMMUTABLE LANGUAGE sql AS
  $$ SELECT prefix || '_scale_' || lpad(i::text, 8, '0') $$;
CREATE FUNCTION pg_temp.doc(series text, n bigint) RETURNS text IMMUTABLE LANGUAGE sql AS
  $$ SELECT series || '-' || lpad(n::text, 6, '0') $$;
CREATE FUNCTION pg_temp.shop_year(t timestamptz) RETURNS int IMMUTABLE LANGUAGE sql AS
  $$ SELECT extract(year FROM t AT TIME ZONE 'Asia/Kuala_Lumpur')::int $$;
CREATE FUNCTION pg_temp.raw(n numeric) RETURNS jsonb IMMUTABLE LANGUAGE sql AS
  $$ SELECT jsonb_build_object('value', n::text, 'precision', 20) $$;
`;

function psqlRun(databaseUrl, args, input) {
  const r = spawnSync("psql", ["-v", "ON_ERROR_STOP=1", "-X", "-qAt", "-F", "\t", ...args, databaseUrl], {
    encoding: "utf8", input, maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`psql failed: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout.split("\n").filter((line) => line.length > 0).map((line) => line.split("\t"));
}

export function database(databaseUrl) {
  return {
    /** Rows of one read. */
    rows: (sql) => psqlRun(databaseUrl, ["-c", sql]),
    value: (sql) => psqlRun(databaseUrl, ["-c", sql])[0]?.[0] ?? null,
    /** A whole script in one transaction, with the helpers; returns what its SELECTs printed. */
    transaction: (script) => psqlRun(databaseUrl, ["-1", "-f", "-"], `SET LOCAL synchronous_commit = off;\n${HELPERS}\n${script}`),
  };
}

/** A quoted SQL string literal. */
export const literal = (value) => `'${String(value).replace(/'/g, "''")}'`;

/** A SQL text[] literal. */
export const textArray = (values) => `ARRAY[${values.map(literal).join(", ")}]::text[]`;

/**
 * Whether a step already wrote rows: any id of `table` with the step's prefix (byte order, so a
 * range scan on the primary key in a C-collated database; correct under any collation).
 */
export const anyScaleRow = (table, prefix) =>
  `SELECT EXISTS (SELECT 1 FROM ${table} WHERE id COLLATE "C" >= '${prefix}_scale_' AND id COLLATE "C" < '${prefix}_scale` + "`" + `')`;

/**
 * Moves each year's `number_series` row (PREFIX-YYYY) up to the highest number `table` used that
 * year, so the app's next document continues the series; a mark row follows for the timings.
 */
export const numberSeriesSql = (prefix, table) => `INSERT INTO number_series (id, last_value)
  SELECT '${prefix}-' || year, max(n) FROM ${table} GROUP BY year
  ON CONFLICT (id) DO UPDATE SET last_value = GREATEST(number_series.last_value, EXCLUDED.last_value), updated_at = now();
SELECT 'mark', 'number_series', clock_timestamp();`;
