import { type DemoStatus } from "@voltura/contracts";
import { getDemoStatus, type CommerceClient } from "@voltura/medusa-client";

const TTL_MS = 60_000;
let cached: { at: number; status: DemoStatus } | null = null;

/**
 * Are the demo seed's accounts (published passwords) still active? Asked of commerce at most
 * once a minute per console process; null when commerce cannot say (no banner then).
 */
export async function demoAccountsStatus(client: CommerceClient, now = Date.now()): Promise<DemoStatus | null> {
  if (cached && now - cached.at < TTL_MS) return cached.status;
  try {
    const status = await getDemoStatus(client);
    cached = { at: now, status };
    return status;
  } catch {
    return null;
  }
}

/** After staff were changed here (e.g. a demo account deactivated): ask again next time. */
export function forgetDemoStatus(): void {
  cached = null;
}
