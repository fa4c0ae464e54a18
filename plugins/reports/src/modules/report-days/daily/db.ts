import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { loadShopSettings } from "@voltura/medusa-kit";
import type { SqlPart } from "./facts-sql";

export type Rows = Array<Record<string, unknown>>;
export interface Db { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Rows }> }
export interface Knex extends Db { transaction<T>(work: (trx: Db) => Promise<T>): Promise<T> }

export const knexOf = (container: MedusaContainer) => container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION);

export async function run(db: Db, part: SqlPart): Promise<Rows> {
  return (await db.raw(part.sql, part.bindings)).rows;
}

let invoicesSeen = false;

/** Whether the invoicing plugin's table is there (once seen, not asked again: tables are not dropped). */
export async function invoicesPresent(db: Db): Promise<boolean> {
  if (invoicesSeen) return true;
  const rows = await run(db, { sql: `SELECT to_regclass('public.sales_invoice') IS NOT NULL AS present`, bindings: [] });
  invoicesSeen = Boolean(rows[0]?.present);
  return invoicesSeen;
}

export async function pricesIncludeTax(container: MedusaContainer): Promise<boolean> {
  return (await loadShopSettings(container)).tax.prices_include_tax;
}

/** A date column as "2026-12-06" whether the driver gives a Date (local midnight) or a string. */
export function dayText(value: unknown): string {
  if (value instanceof Date) {
    const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  }
  return String(value).slice(0, 10);
}

export const num = (value: unknown) => Number(value ?? 0);
