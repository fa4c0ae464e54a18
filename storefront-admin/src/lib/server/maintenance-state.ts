import { type MaintenanceState } from "@voltura/contracts";
import { getMaintenanceState, type CommerceClient } from "@voltura/medusa-client";

/** How long one console process reuses the maintenance state (every staff page asks; commerce caches ≤ 2 s too). */
const TTL_MS = 2_000;
let cached: { at: number; state: MaintenanceState } | null = null;

/**
 * Maintenance mode as the staff banner shows it. Null when commerce cannot say (e.g. in the seconds of
 * a database swap): the banner then shows nothing rather than a guess.
 */
export async function maintenanceState(client: CommerceClient, now = Date.now()): Promise<MaintenanceState | null> {
  if (cached && now - cached.at < TTL_MS) return cached.state;
  try {
    const state = await getMaintenanceState(client);
    cached = { at: now, state };
    return state;
  } catch {
    return null;
  }
}

/** Forgets the cached state (after this console started a restore, the next page asks again). */
export function forgetMaintenanceState(): void {
  cached = null;
}
