import { type EmergencyStopState } from "@voltura/contracts";
import { getEmergencyStop, type CommerceClient } from "@voltura/medusa-client";

/** How long one console process reuses the emergency-stop state for the header (every page asks). */
const TTL_MS = 3_000;
let cached: { at: number; state: EmergencyStopState } | null = null;

/**
 * The emergency stop as the staff header shows it: asked of commerce at most every few seconds per
 * console process, forgotten at once when someone here presses or releases it. Null when commerce
 * cannot say (the header then shows nothing rather than a wrong state).
 */
export async function emergencyStopState(client: CommerceClient, now = Date.now()): Promise<EmergencyStopState | null> {
  if (cached && now - cached.at < TTL_MS) return cached.state;
  try {
    const state = await getEmergencyStop(client);
    cached = { at: now, state };
    return state;
  } catch {
    return null;
  }
}

export function forgetEmergencyStopState(): void {
  cached = null;
}
