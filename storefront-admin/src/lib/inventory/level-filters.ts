import type { ListInventoryLevelsQuery } from "@voltura/contracts";

// Kept here (not imported from the client package) because this module runs in the browser too.
const ORDERS = ["title", "-title", "sku", "-sku", "on_hand", "-on_hand", "available", "-available"] as const satisfies readonly NonNullable<ListInventoryLevelsQuery["order"]>[];
type Order = (typeof ORDERS)[number];

export interface LevelFilters {
  q: string;
  low: boolean;
  order: Order;
  page: number;
}

/** The levels table's filters from the URL (unknown values fall back to the defaults). */
export function levelFilters(params: URLSearchParams): LevelFilters {
  const order = params.get("order") ?? "title";
  const page = Number(params.get("page") ?? "1");
  return {
    q: (params.get("q") ?? "").trim().slice(0, 100),
    low: params.get("low") === "1",
    order: (ORDERS as readonly string[]).includes(order) ? (order as Order) : "title",
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The URL for the table with some filters changed (defaults left out, so links stay short). */
export function levelsHref(filters: LevelFilters, over: Partial<LevelFilters> = {}, path = "/inventory"): string {
  const next = { ...filters, ...over };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.low) params.set("low", "1");
  if (next.order !== "title") params.set("order", next.order);
  if (next.page > 1) params.set("page", String(next.page));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
