import type { Context } from "@medusajs/framework/types";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { generateEntityId, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import { IntegrityRun } from "./models/integrity-run";

export interface IntegrityRunRow {
  id: string;
  ran_at: string;
  ok: boolean;
  trigger: "nightly" | "manual";
  idempotency_key: string | null;
  summary: unknown;
}

export interface NewIntegrityRun {
  ran_at: Date;
  ok: boolean;
  trigger: "nightly" | "manual";
  idempotency_key: string | null;
  summary: unknown;
}

const COLUMNS = `id, to_char(ran_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ran_at, ok, trigger, idempotency_key, summary`;

/** Stored integrity check runs: the console shows the latest, the nightly schedule writes them. */
class IntegrityModuleService extends MedusaService({ IntegrityRun }) {
  /**
   * Stores a run once per idempotency key (one atomic insert). `created` is false when a run with
   * that key already exists; that first run is returned instead.
   */
  @InjectManager()
  async recordRun(run: NewIntegrityRun, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ run: IntegrityRunRow; created: boolean }> {
    const db = sharedContext.manager!;
    const inserted: IntegrityRunRow[] = await db.execute(
      `INSERT INTO integrity_run (id, ran_at, ok, trigger, idempotency_key, summary) VALUES (?, ?, ?, ?, ?, ?::jsonb)
       ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL DO NOTHING
       RETURNING ${COLUMNS}`,
      [generateEntityId(undefined, "irun"), run.ran_at.toISOString(), run.ok, run.trigger, run.idempotency_key, JSON.stringify(run.summary)],
    );
    if (inserted[0]) return { run: inserted[0], created: true };
    const existing: IntegrityRunRow[] = await db.execute(`SELECT ${COLUMNS} FROM integrity_run WHERE idempotency_key = ? AND deleted_at IS NULL`, [run.idempotency_key]);
    return { run: existing[0]!, created: false };
  }

  /** Newest first. */
  @InjectManager()
  async latestRuns(limit: number, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<IntegrityRunRow[]> {
    return sharedContext.manager!.execute(`SELECT ${COLUMNS} FROM integrity_run WHERE deleted_at IS NULL ORDER BY ran_at DESC, id DESC LIMIT ?`, [limit]);
  }
}

export default IntegrityModuleService;
