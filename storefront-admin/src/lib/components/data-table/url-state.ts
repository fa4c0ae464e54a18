/**
 * The data table's state lives in the URL (`sort`, `page` and each filter's own parameter), so the
 * server sorts and pages, links and the back button work, presets are plain query strings and the
 * table works without JavaScript. These are the pure rules; the component renders them.
 */

/** `-created_at` = descending; `created_at` = ascending. */
export interface SortState {
  key: string;
  desc: boolean;
}

export function parseSort(value: string | null | undefined, allowed: readonly string[], fallback: string): SortState {
  const raw = value && allowed.includes(value.replace(/^-/, "")) ? value : fallback;
  return { key: raw.replace(/^-/, ""), desc: raw.startsWith("-") };
}

export function sortParam(sort: SortState): string {
  return `${sort.desc ? "-" : ""}${sort.key}`;
}

/**
 * The sort a header's button applies: another column starts in its natural direction (`firstDesc`
 * for dates and amounts: newest / largest first), the current column flips.
 */
export function nextSort(current: SortState, key: string, firstDesc = false): SortState {
  if (current.key === key) return { key, desc: !current.desc };
  return { key, desc: firstDesc };
}

/** The header's `aria-sort`: only the sorted column says its direction. */
export function ariaSortOf(current: SortState, key: string): "ascending" | "descending" | "none" {
  if (current.key !== key) return "none";
  return current.desc ? "descending" : "ascending";
}

/** A 1-based page number from the URL, kept within 1…max. */
export function parsePage(value: string | null | undefined, max = 10_000): number {
  const n = Number.parseInt(value ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/**
 * The same list with some parameters changed: `null`/`""` removes one. Changing anything but the
 * page goes back to page 1 (the old page may not exist under the new filter). Defaults are left out
 * so equal views have equal URLs (`defaults`: param → value meaning "unset").
 */
export function withParams(
  search: URLSearchParams | string,
  changes: Record<string, string | number | null | undefined>,
  defaults: Record<string, string> = {},
): string {
  const params = new URLSearchParams(search);
  const touchesMoreThanPage = Object.keys(changes).some((k) => k !== "page");
  if (touchesMoreThanPage) params.delete("page");
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") params.delete(key);
    else params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(defaults)) if (params.get(key) === value) params.delete(key);
  if (params.get("page") === "1") params.delete("page");
  params.sort();
  return params.toString();
}

/** `?query` or "" (a link to the list's bare path). */
export const asSearch = (query: string) => (query ? `?${query}` : "");

/**
 * What a preset stores: the view's query without its page (a preset opens on the first page).
 * Empty parameters are dropped and the rest sorted, so the same view saves the same text.
 */
export function presetQueryOf(search: URLSearchParams | string): string {
  const params = new URLSearchParams(search);
  params.delete("page");
  for (const key of [...new Set(params.keys())]) if (params.getAll(key).every((v) => v === "")) params.delete(key);
  params.sort();
  return params.toString();
}

/** True when the URL shows exactly this preset (the menu marks it). */
export function isCurrentPreset(search: URLSearchParams | string, presetQuery: string): boolean {
  return presetQueryOf(search) === presetQueryOf(presetQuery);
}

/** "1–20 of 134" figures for the footer. */
export function pageWindow(page: number, pageSize: number, count: number): { first: number; last: number; pages: number } {
  const pages = Math.max(1, Math.ceil(count / pageSize));
  const first = count === 0 ? 0 : (page - 1) * pageSize + 1;
  return { first, last: Math.min(count, page * pageSize), pages };
}

/** The export link: the list's path + `/export` with the current filters and sort, never the page. */
export function exportHrefOf(path: string, search: URLSearchParams | string): string {
  const params = new URLSearchParams(search);
  params.delete("page");
  params.sort();
  const query = params.toString();
  return `${path.replace(/\/$/, "")}/export${asSearch(query)}`;
}
