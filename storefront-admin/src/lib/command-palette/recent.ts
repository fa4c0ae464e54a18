import { z } from "zod";
import type { SearchKind } from "@voltura/contracts";
import { isSearchKind } from "./labels";

/** What the palette remembers of an opened hit, per staff member, in this browser. */
const recentItemSchema = z.object({
  kind: z.custom<SearchKind>(isSearchKind),
  id: z.string().max(200),
  title: z.string().max(300),
  subtitle: z.string().max(300).nullable(),
  href: z.string().startsWith("/").max(500),
});
export type RecentItem = z.infer<typeof recentItemSchema>;

/** Shown before anything is typed. */
export const RECENT_KEPT = 8;

export const recentStorageKey = (staffId: string) => `vsh:palette:recent:${staffId}`;

type Store = Pick<Storage, "getItem" | "setItem">;

/** The staff member's recent items, newest first; anything unreadable counts as none. */
export function readRecent(store: Store | null | undefined, staffId: string): RecentItem[] {
  if (!store || !staffId) return [];
  try {
    const parsed = z.array(recentItemSchema).safeParse(JSON.parse(store.getItem(recentStorageKey(staffId)) ?? "[]"));
    return parsed.success ? parsed.data.slice(0, RECENT_KEPT) : [];
  } catch {
    return [];
  }
}

/** Puts `item` first (once), keeps RECENT_KEPT; the list as stored. A full or blocked storage only forgets. */
export function rememberRecent(store: Store | null | undefined, staffId: string, item: RecentItem): RecentItem[] {
  const next = [item, ...readRecent(store, staffId).filter((r) => r.href !== item.href)].slice(0, RECENT_KEPT);
  if (!store || !staffId) return next;
  try {
    store.setItem(recentStorageKey(staffId), JSON.stringify(next));
  } catch {
    // Private mode or quota: the palette still works, it just does not remember.
  }
  return next;
}
