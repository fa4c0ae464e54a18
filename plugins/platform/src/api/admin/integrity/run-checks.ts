import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { INTEGRITY_CHECKS } from "../../../domain/integrity/checks";
import { MAX_BREACHES_SHOWN, type CheckResult, type EvaluationContext, type IntegrityCheck, type IntegrityReport, type Row } from "../../../domain/integrity/types";

/** What the checks need from the database: knex's raw query (PG_CONNECTION). */
export interface SqlReader {
  raw(sql: string, params: unknown[]): Promise<{ rows: Row[] }>;
}

export const sqlReader = (container: MedusaContainer): SqlReader => container.resolve<SqlReader>(ContainerRegistrationKeys.PG_CONNECTION);

async function missingTables(db: SqlReader, tables: readonly string[]): Promise<string[]> {
  const { rows } = await db.raw("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ANY(?)", [[...tables]]);
  const present = new Set(rows.map((r) => String(r.table_name)));
  return tables.filter((t) => !present.has(t));
}

async function archiveHas(db: SqlReader, tables: readonly string[]): Promise<boolean> {
  const { rows } = await db.raw("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'archive' AND table_name = ANY(?)", [[...tables]]);
  return Number(rows[0]?.n ?? 0) === tables.length;
}

/** One check: a missing table or a failing query makes it not ok with the reason, never a 500. */
export async function runCheck(db: SqlReader, check: IntegrityCheck, ctx: EvaluationContext): Promise<CheckResult> {
  const base = { name: check.name, title: check.title, description: check.description };
  try {
    const missing = await missingTables(db, check.tables);
    if (missing.length) return { ...base, ok: false, breaches: [], count: 0, error: `Cannot check: table ${missing.join(", ")} is missing.` };
    const sql = check.archive && (await archiveHas(db, check.archive.tables)) ? check.archive.sql : check.sql;
    const { rows } = await db.raw(sql, check.params?.(ctx) ?? []);
    const breaches = check.evaluate(rows, ctx);
    return { ...base, ok: breaches.length === 0, breaches: breaches.slice(0, MAX_BREACHES_SHOWN), count: breaches.length };
  } catch (error) {
    return { ...base, ok: false, breaches: [], count: 0, error: `The check failed: ${(error as Error).message}` };
  }
}

/** Every invariant, one after another (each is one read; together they stay light for one shop). */
export async function runIntegrityChecks(db: SqlReader, now = new Date(), checks: readonly IntegrityCheck[] = INTEGRITY_CHECKS): Promise<IntegrityReport> {
  const results: CheckResult[] = [];
  for (const check of checks) results.push(await runCheck(db, check, { now }));
  return { ok: results.every((r) => r.ok), checked_at: now.toISOString(), checks: results };
}
