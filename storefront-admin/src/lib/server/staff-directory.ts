import { commerceAs, SYSTEM_ACTOR } from "./commerce";
import { listStaff } from "./staff-api";

/** Staff id → name, for "changed by" columns. Cached for a minute; best effort. */
let cache: { at: number; names: Map<string, string> } | undefined;
const TTL_MS = 60_000;

export async function staffNames(): Promise<Map<string, string>> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.names;
  try {
    const { staff } = await listStaff(commerceAs(SYSTEM_ACTOR), { limit: 200 });
    cache = { at: Date.now(), names: new Map(staff.map((s) => [s.id, s.name || s.email])) };
  } catch {
    cache = { at: Date.now(), names: cache?.names ?? new Map() };
  }
  return cache.names;
}

/** A readable name for whoever made a change: a staff member, or a service. */
export function actorName(id: string, names: Map<string, string>): string {
  if (names.has(id)) return names.get(id)!;
  if (id.startsWith("system:")) return "System";
  return id;
}
