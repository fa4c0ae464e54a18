/** What a module service's transaction manager offers for raw SQL (MikroORM's EntityManager). */
export interface SqlExecutor {
  execute(sql: string, params: unknown[]): Promise<unknown[]>;
}

function table(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a table name: ${name}`);
  return name;
}

/**
 * Hands out the next number of a series (e.g. "VSH-2026") from a `<table>(id, last_value)` counter.
 * One atomic upsert, so concurrent callers never share a number and none is skipped.
 */
export async function takeNextInSeries(db: SqlExecutor, counterTable: string, series: string): Promise<number> {
  const t = table(counterTable);
  const rows = (await db.execute(
    `INSERT INTO ${t} (id, last_value, created_at, updated_at) VALUES (?, 1, now(), now())
     ON CONFLICT (id) DO UPDATE SET last_value = ${t}.last_value + 1, updated_at = now()
     RETURNING last_value`,
    [series],
  )) as Array<{ last_value: number }>;
  return Number(rows[0]!.last_value);
}

/** Gives a number back after a rollback, only if nobody took a later one (so no gap is left). */
export async function giveBackInSeries(db: SqlExecutor, counterTable: string, series: string, value: number): Promise<boolean> {
  const t = table(counterTable);
  const rows = await db.execute(
    `UPDATE ${t} SET last_value = last_value - 1, updated_at = now() WHERE id = ? AND last_value = ? RETURNING id`,
    [series, value],
  );
  return rows.length > 0;
}
