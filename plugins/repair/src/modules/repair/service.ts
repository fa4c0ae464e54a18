import type { Context } from "@medusajs/framework/types";
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { RepairJob } from "./models/repair-job";
import { RepairJobSequence } from "./models/repair-job-sequence";
import { RepairJobStatusChange } from "./models/repair-job-status-change";

class RepairModuleService extends MedusaService({ RepairJob, RepairJobStatusChange, RepairJobSequence }) {
  /**
   * Hands out the next number of a series. One atomic upsert, so concurrent intakes never get
   * the same number and none is skipped.
   */
  @InjectTransactionManager()
  async allocateSequence(series: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    const rows: Array<{ last_value: number }> = await sharedContext.transactionManager!.execute(
      `INSERT INTO repair_job_sequence (id, last_value, created_at, updated_at) VALUES (?, 1, now(), now())
       ON CONFLICT (id) DO UPDATE SET last_value = repair_job_sequence.last_value + 1, updated_at = now()
       RETURNING last_value`,
      [series],
    );
    return Number(rows[0]!.last_value);
  }

  /** Gives a number back when the intake that took it was rolled back, if nobody took a later one. */
  @InjectTransactionManager()
  async releaseSequence(series: string, value: number, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const rows: unknown[] = await sharedContext.transactionManager!.execute(
      `UPDATE repair_job_sequence SET last_value = last_value - 1, updated_at = now() WHERE id = ? AND last_value = ? RETURNING id`,
      [series, value],
    );
    return rows.length > 0;
  }
}

export default RepairModuleService;
