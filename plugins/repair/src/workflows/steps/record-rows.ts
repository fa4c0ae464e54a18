import { rows, type Sql } from "@voltura/medusa-kit";

/**
 * Rows of a `SELECT *` over one model's table inside a raw transaction (FOR UPDATE), typed as that model's
 * record: PostgreSQL returns exactly the columns the model defines, timestamps as Date. The one place the
 * untyped driver rows meet the model types.
 */
export async function recordRows<T extends object>(db: Sql, sql: string, bindings: readonly unknown[] = []): Promise<T[]> {
  return (await rows(db, sql, bindings)) as T[];
}
