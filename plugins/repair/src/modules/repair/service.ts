import type { Context } from "@medusajs/framework/types";
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import type { RepairStatus } from "@voltura/domain";
import { RepairJob } from "./models/repair-job";
import { RepairJobEvent } from "./models/repair-job-event";
import { RepairJobPhoto } from "./models/repair-job-photo";
import { RepairJobSequence } from "./models/repair-job-sequence";
import { RepairJobStatusChange } from "./models/repair-job-status-change";

const RepairModuleBase = MedusaService({ RepairJob, RepairJobStatusChange, RepairJobSequence, RepairJobEvent, RepairJobPhoto });
type Generated = InstanceType<typeof RepairModuleBase>;

class RepairModuleService extends RepairModuleBase {
  // Medusa's type-level pluralizer calls these "…RepairJobPhotoes"; at runtime they are "…RepairJobPhotos".
  declare listRepairJobPhotos: Generated["listRepairJobPhotoes"];
  declare createRepairJobPhotos: Generated["createRepairJobPhotoes"];
  declare deleteRepairJobPhotos: Generated["deleteRepairJobPhotoes"];

  /**
   * Ids of jobs past their SLA, most overdue first. The same rule as @voltura/domain slaView, in
   * SQL: effective due (base + pauses) before the point where the clock stands (the start of the
   * current pause or stop, or now). `statuses` narrows to those statuses.
   */
  @InjectManager()
  async listSlaBreachedJobIds(
    opts: { statuses?: readonly RepairStatus[]; now?: Date } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<string[]> {
    if (opts.statuses && !opts.statuses.length) return [];
    const now = opts.now ?? new Date();
    const statusFilter = opts.statuses ? `AND status IN (${opts.statuses.map(() => "?").join(", ")})` : "";
    const overdueBy = `coalesce(sla_paused_since, ?::timestamptz) - (sla_due_at + sla_paused_seconds * interval '1 second')`;
    const rows: Array<{ id: string }> = await sharedContext.manager!.execute(
      `SELECT id FROM repair_job
       WHERE deleted_at IS NULL ${statusFilter} AND ${overdueBy} > interval '0'
       ORDER BY ${overdueBy} DESC, id`,
      [...(opts.statuses ?? []), now, now],
    );
    return rows.map((r) => r.id);
  }
}

export default RepairModuleService;
