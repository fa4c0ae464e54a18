import { CUSTOMER_TYPES, DEVICE_TYPES, isShopDay, normaliseTag, shopDaysUtcRange, type CustomerType, type DeviceType } from "@voltura/domain";
import type { ListCrmCustomersQuery } from "@voltura/contracts";

/**
 * The customer list's filters live in the URL (so a filter can be bookmarked or shared):
 * /customers?q=0123456789&type=corporate&tag=vip&device=laptop&visited_from=2026-01-01&visited_to=2026-06-30&sort=-jobs&page=2
 * Dates are calendar days in shop time; unknown or malformed values are ignored.
 */
export const CUSTOMER_SORT_KEYS = ["name", "last_visit", "jobs"] as const;
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];
export type CustomerSort = CustomerSortKey | `-${CustomerSortKey}`;
export const DEFAULT_CUSTOMER_SORT: CustomerSort = "-last_visit";

export interface CustomerFilters {
  q: string;
  type: CustomerType | null;
  tag: string | null;
  device: DeviceType | null;
  /** First day of the last-visit range, YYYY-MM-DD in shop time. */
  visitedFrom: string | null;
  /** Last day of the last-visit range (inclusive), YYYY-MM-DD in shop time. */
  visitedTo: string | null;
  sort: CustomerSort;
  page: number;
}

export const EMPTY_CUSTOMER_FILTERS: CustomerFilters = {
  q: "",
  type: null,
  tag: null,
  device: null,
  visitedFrom: null,
  visitedTo: null,
  sort: DEFAULT_CUSTOMER_SORT,
  page: 1,
};

const MAX_PAGE = 10_000;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;

/** A real calendar day written YYYY-MM-DD, else null ("2026-02-30" is not a day). */
export function parseIsoDay(value: string | null | undefined): string | null {
  const day = value?.trim() ?? "";
  return isShopDay(day) ? day : null;
}

export function parseCustomerSort(value: string | null): CustomerSort {
  const key = value?.startsWith("-") ? value.slice(1) : value;
  return oneOf(CUSTOMER_SORT_KEYS, key) ? (value as CustomerSort) : DEFAULT_CUSTOMER_SORT;
}

export function parseCustomerFilters(params: URLSearchParams): CustomerFilters {
  const tag = normaliseTag(params.get("tag") ?? "");
  let visitedFrom = parseIsoDay(params.get("visited_from"));
  let visitedTo = parseIsoDay(params.get("visited_to"));
  // A range typed the wrong way round still means the days between the two dates.
  if (visitedFrom && visitedTo && visitedFrom > visitedTo) [visitedFrom, visitedTo] = [visitedTo, visitedFrom];
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    q: (params.get("q") ?? "").trim().replace(/\s+/g, " ").slice(0, 100),
    type: oneOf(CUSTOMER_TYPES, params.get("type")),
    tag: tag && tag.length <= 40 && !tag.includes(",") ? tag : null,
    device: oneOf(DEVICE_TYPES, params.get("device")),
    visitedFrom,
    visitedTo,
    sort: parseCustomerSort(params.get("sort")),
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The query string for `filters`, leaving out defaults so URLs stay short. */
export function customerFiltersToParams(filters: CustomerFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.type) params.set("type", filters.type);
  if (filters.tag) params.set("tag", filters.tag);
  if (filters.device) params.set("device", filters.device);
  if (filters.visitedFrom) params.set("visited_from", filters.visitedFrom);
  if (filters.visitedTo) params.set("visited_to", filters.visitedTo);
  if (filters.sort !== DEFAULT_CUSTOMER_SORT) params.set("sort", filters.sort);
  if (filters.page > 1) params.set("page", String(filters.page));
  return params;
}

function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The /customers URL with some filters changed; any change other than the page goes back to page 1. */
export function customersHref(filters: CustomerFilters, changes: Partial<CustomerFilters> = {}): string {
  const next = { ...filters, ...changes };
  if (!("page" in changes)) next.page = 1;
  return withQuery("/customers", customerFiltersToParams(next));
}

/** The CSV export of everything the current filter matches (all pages, in the current order). */
export function customersExportHref(filters: CustomerFilters): string {
  return withQuery("/customers/export", customerFiltersToParams({ ...filters, page: 1 }));
}

export function sortKeyOf(sort: CustomerSort): CustomerSortKey {
  return (sort.startsWith("-") ? sort.slice(1) : sort) as CustomerSortKey;
}

/** Clicking a column header: the same column flips direction; another column starts in its natural order. */
export function nextSort(current: CustomerSort, key: CustomerSortKey): CustomerSort {
  if (sortKeyOf(current) === key) return current.startsWith("-") ? key : `-${key}`;
  return key === "name" ? "name" : `-${key}`;
}

export function isFiltered(filters: CustomerFilters): boolean {
  return !!(filters.q || filters.type || filters.tag || filters.device || filters.visitedFrom || filters.visitedTo);
}

const COMMERCE_ORDER: Record<Exclude<CustomerSortKey, "jobs">, "name" | "last_visit_at"> = { name: "name", last_visit: "last_visit_at" };

/**
 * The commerce list query for `filters`. The commerce core cannot order by number of jobs, so
 * for that sort the order is left to the caller (see customers-view.ts).
 */
export function customerListQuery(filters: CustomerFilters, page: { limit: number; offset: number }): ListCrmCustomersQuery {
  const key = sortKeyOf(filters.sort);
  const desc = filters.sort.startsWith("-");
  return {
    q: filters.q || undefined,
    type: filters.type ?? undefined,
    tag: filters.tag ?? undefined,
    device_type: filters.device ?? undefined,
    // commerce compares strictly (last_visit_at > after, < before): the range covers whole shop days.
    last_visit_after: filters.visitedFrom ? new Date(shopDaysUtcRange(filters.visitedFrom).from.getTime() - 1).toISOString() : undefined,
    last_visit_before: filters.visitedTo ? shopDaysUtcRange(filters.visitedTo).to.toISOString() : undefined,
    order: key === "jobs" ? undefined : (`${desc ? "-" : ""}${COMMERCE_ORDER[key]}` as ListCrmCustomersQuery["order"]),
    limit: page.limit,
    offset: page.offset,
  };
}
