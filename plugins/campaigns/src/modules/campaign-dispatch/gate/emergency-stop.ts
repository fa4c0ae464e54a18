import { rows, type Sql, type SqlRow } from "@voltura/medusa-kit";
import type { EmergencyStopState } from "@voltura/contracts";

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string).toISOString());

export function toEmergencyStopState(r: SqlRow | undefined, runningCampaigns: number): EmergencyStopState {
  return {
    stopped: Boolean(r?.stopped_at), stopped_at: iso(r?.stopped_at), stopped_by: (r?.stopped_by as string | null) ?? null,
    stopped_by_name: (r?.stopped_by_name as string | null) ?? null, stop_reason: (r?.stop_reason as string | null) ?? null,
    resumed_at: iso(r?.resumed_at), resumed_by: (r?.resumed_by as string | null) ?? null, running_campaigns: runningCampaigns,
  };
}

/** Is the emergency stop pressed? Read inside the gate's transaction (no lock: pressing it commits before the next call reads it). */
export async function emergencyStopped(db: Sql): Promise<boolean> {
  const [found] = await rows(db, `SELECT stopped_at FROM campaign_control WHERE id = 'emergency_stop'`);
  return Boolean(found?.stopped_at);
}

export async function readEmergencyStop(db: Sql): Promise<EmergencyStopState> {
  const [control] = await rows(db, `SELECT * FROM campaign_control WHERE id = 'emergency_stop'`);
  const [running] = await rows(db, `SELECT count(*)::int AS n FROM campaign WHERE status = 'running' AND deleted_at IS NULL`);
  return toEmergencyStopState(control, Number(running?.n ?? 0));
}

export interface StopActor { id: string; name: string | null }

/** Presses the stop; pressing it again while stopped keeps the first press (who and when). Returns whether it changed. */
export async function pressStop(db: Sql, actor: StopActor, reason: string | null): Promise<boolean> {
  const changed = await rows(db,
    `INSERT INTO campaign_control (id, stopped_at, stopped_by, stopped_by_name, stop_reason, created_at, updated_at)
       VALUES ('emergency_stop', now(), ?, ?, ?, now(), now())
     ON CONFLICT (id) DO UPDATE SET stopped_at = now(), stopped_by = EXCLUDED.stopped_by, stopped_by_name = EXCLUDED.stopped_by_name,
       stop_reason = EXCLUDED.stop_reason, updated_at = now()
       WHERE campaign_control.stopped_at IS NULL
     RETURNING id`, [actor.id, actor.name, reason]);
  return changed.length > 0;
}

/** Releases the stop; returns whether it was pressed. */
export async function releaseStop(db: Sql, actor: StopActor): Promise<boolean> {
  const changed = await rows(db,
    `UPDATE campaign_control SET stopped_at = NULL, resumed_at = now(), resumed_by = ?, updated_at = now()
      WHERE id = 'emergency_stop' AND stopped_at IS NOT NULL RETURNING id`, [actor.id]);
  return changed.length > 0;
}
