import { commerceAs, SYSTEM_ACTOR } from "./commerce";
import type { TechnicianOption } from "$lib/types";
import { listStaff } from "./staff-api";

let cache: { at: number; list: TechnicianOption[] } | undefined;
const TTL_MS = 60_000;

/** Active technicians, by name, for assignment selects and board filters. Cached for a minute; best effort. */
export async function technicians(): Promise<TechnicianOption[]> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.list;
  try {
    const { staff } = await listStaff(commerceAs(SYSTEM_ACTOR), { limit: 200 });
    const list = staff
      .filter((s) => s.active && s.role === "technician")
      .map((s) => ({ id: s.id, name: s.name || s.email }))
      .sort((a, b) => a.name.localeCompare(b.name));
    cache = { at: Date.now(), list };
  } catch {
    cache = { at: Date.now(), list: cache?.list ?? [] };
  }
  return cache.list;
}
