import { generateEntityId } from "@medusajs/framework/utils";
import type { OptimisationRun, optimisationRunBodySchema } from "@voltura/contracts";
import { rows, type Sql } from "@voltura/medusa-kit";
import type { z } from "zod";
import { OPERATIONS_SQL } from "./list-queries";
import { OPTIMISATION_COLUMNS, toOptimisationRun } from "./rows";

type OptimisationInput = z.output<typeof optimisationRunBodySchema>;

/** Records an optimisation run once per idempotency key; a retry answers the stored run. */
export async function recordOptimisationRun(db: Sql, input: OptimisationInput): Promise<{ run: OptimisationRun; created: boolean }> {
  const [inserted] = await rows(db, `INSERT INTO operations_optimisation_run (id, idempotency_key, started_at, finished_at, ok, result)
    VALUES (?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${OPTIMISATION_COLUMNS}`,
  [generateEntityId(undefined, "oopt"), input.idempotency_key, input.started_at, input.finished_at, input.ok, JSON.stringify(input.result)]);
  if (inserted) return { run: toOptimisationRun(inserted), created: true };
  const [stored] = await rows(db, `SELECT ${OPTIMISATION_COLUMNS} FROM operations_optimisation_run WHERE idempotency_key = ?`, [input.idempotency_key]);
  return { run: toOptimisationRun(stored!), created: false };
}

export async function listOptimisationRuns(db: Sql, limit = 50): Promise<OptimisationRun[]> {
  const found = await rows(db, OPERATIONS_SQL.optimisationRuns, [limit]);
  return found.map(toOptimisationRun);
}
