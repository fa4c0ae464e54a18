import type { MaintenanceState } from "@voltura/contracts";
import { rows, type Sql } from "@voltura/medusa-kit";
import { MAINTENANCE_CACHE_MS } from "../../../domain/maintenance-rules";
import { toMaintenance } from "./rows";

export async function readMaintenance(db: Sql): Promise<MaintenanceState> {
  const [row] = await rows(db, `SELECT "on", reason, restore_run_id, since, "by", neutralised FROM operations_maintenance WHERE id = 'shop'`);
  return toMaintenance(row);
}

let cached: { state: MaintenanceState; at: number } | null = null;
let pending: Promise<MaintenanceState> | null = null;

/**
 * The maintenance state as the write guard sees it: read at most every 2 s per process (one read in flight at a
 * time). A database without the table yet (first migration) counts as off.
 */
export async function cachedMaintenance(db: Sql, now = Date.now()): Promise<MaintenanceState> {
  if (cached && now - cached.at < MAINTENANCE_CACHE_MS) return cached.state;
  pending ??= readMaintenance(db)
    .catch(() => toMaintenance(undefined))
    .then((state) => {
      cached = { state, at: Date.now() };
      return state;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

/** Forgets the cached state (after this process changed it). */
export function forgetMaintenanceCache(): void {
  cached = null;
}
