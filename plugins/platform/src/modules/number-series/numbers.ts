import { rows, type Sql, type SqlExecutor } from "@voltura/medusa-kit";

/** A MikroORM entity manager (`execute`) or a knex connection / transaction (`raw`). */
export type NumberSeriesDb = SqlExecutor | Sql;

function execute(db: NumberSeriesDb, sql: string, params: unknown[]): Promise<unknown[]> {
  return "execute" in db ? db.execute(sql, params) : rows(db, sql, params);
}

/**
 * Hands out the next number of a series (e.g. "INV-2026") inside the caller's transaction.
 * One atomic upsert, so concurrent callers never share a number and none is skipped.
 */
export async function takeNextNumber(db: NumberSeriesDb, series: string): Promise<number> {
  const taken = (await execute(
    db,
    `INSERT INTO number_series (id, last_value, created_at, updated_at) VALUES (?, 1, now(), now())
     ON CONFLICT (id) DO UPDATE SET last_value = number_series.last_value + 1, updated_at = now()
     RETURNING last_value`,
    [series],
  )) as Array<{ last_value: number | string }>;
  return Number(taken[0]!.last_value);
}

/** Gives a number back after a rollback, only if nobody took a later one (so no gap is left). */
export async function giveBackNumber(db: NumberSeriesDb, series: string, value: number): Promise<boolean> {
  const updated = await execute(
    db,
    `UPDATE number_series SET last_value = last_value - 1, updated_at = now() WHERE id = ? AND last_value = ? RETURNING id`,
    [series, value],
  );
  return updated.length > 0;
}
