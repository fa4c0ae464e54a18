import { isLowStock } from "./stock-movement";

export interface LevelRow {
  inventory_item_id: string;
  location_id: string;
  location_name: string | null;
  title: string;
  sku: string | null;
  barcode: string | null;
  on_hand: number;
  reserved: number;
  available: number;
  low_stock_threshold: number | null;
  low_stock: boolean;
  average_cost_sen: number;
}

export type LevelOrder = "title" | "-title" | "sku" | "-sku" | "on_hand" | "-on_hand" | "available" | "-available";

export interface LevelQuery {
  q?: string;
  location_id?: string;
  low_stock?: boolean;
  order: LevelOrder;
  limit: number;
  offset: number;
}

export function toLevelRow(input: Omit<LevelRow, "available" | "low_stock">): LevelRow {
  return { ...input, available: input.on_hand - input.reserved, low_stock: isLowStock(input.on_hand, input.low_stock_threshold) };
}

const matches = (row: LevelRow, q: string) => [row.title, row.sku, row.barcode].some((v) => v?.toLowerCase().includes(q));

/** Filters (name / SKU / barcode text, location, low stock), sorts and pages the levels table. */
export function queryLevels(rows: readonly LevelRow[], query: LevelQuery): { levels: LevelRow[]; count: number; low_stock_count: number } {
  const q = query.q?.trim().toLowerCase();
  let out = rows.filter((r) => (!query.location_id || r.location_id === query.location_id) && (!q || matches(r, q)));
  const low_stock_count = out.filter((r) => r.low_stock).length;
  if (query.low_stock) out = out.filter((r) => r.low_stock);
  const desc = query.order.startsWith("-");
  const key = query.order.replace(/^-/, "") as "title" | "sku" | "on_hand" | "available";
  out = [...out].sort((a, b) => {
    const x = a[key] ?? "";
    const y = b[key] ?? "";
    const cmp = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return (desc ? -cmp : cmp) || a.title.localeCompare(b.title) || a.location_id.localeCompare(b.location_id);
  });
  return { levels: out.slice(query.offset, query.offset + query.limit), count: out.length, low_stock_count };
}

/** Running balance per location for an item's ledger, oldest first. */
export function withBalances<T extends { location_id: string; quantity_delta: number }>(movements: readonly T[]): Array<T & { balance: number }> {
  const balances = new Map<string, number>();
  return movements.map((m) => {
    const balance = (balances.get(m.location_id) ?? 0) + m.quantity_delta;
    balances.set(m.location_id, balance);
    return { ...m, balance };
  });
}
