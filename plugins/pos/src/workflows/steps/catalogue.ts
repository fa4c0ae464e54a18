import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { ringgitToSen } from "@voltura/domain";
import type { PosCatalogueItem } from "@voltura/contracts";
import { sqlConnection } from "@voltura/medusa-kit";
import { itemTitle } from "@voltura/plugin-platform/modules/search/item-sql";
import { searchItems } from "@voltura/plugin-platform/modules/search/search";
import { loadSellableRows } from "./catalogue-sql";

/** What the counter needs to know of a variant to sell it. */
export interface SellableVariant extends PosCatalogueItem {
  /** Stock-managed products leave stock through the ledger; services do not. */
  inventory_item_id: string | null;
  /** Units of the inventory item one unit of the variant uses (kits); 1 usually. */
  required_quantity: number;
}

export const VARIANT_FIELDS = [
  "id", "title", "sku", "barcode", "ean", "upc", "manage_inventory", "product.id", "product.title", "product.metadata", "product.status",
  "prices.amount", "prices.currency_code", "prices.rules_count", "inventory_items.inventory_item_id", "inventory_items.required_quantity",
];

export interface VariantRow {
  id: string;
  title: string | null;
  sku: string | null;
  barcode: string | null;
  manage_inventory: boolean;
  product?: { id: string; title: string; metadata?: Record<string, unknown> | null } | null;
  prices?: Array<{ amount: number | string; currency_code: string; rules_count?: number | null }> | null;
  inventory_items?: Array<{ inventory_item_id: string; required_quantity?: number | null }> | null;
}

/** The variant's plain MYR price in sen (no price-list or quantity rules), or null. */
export function myrPriceSen(variant: Pick<VariantRow, "prices">): number | null {
  const prices = (variant.prices ?? []).filter((p) => p.currency_code?.toLowerCase() === "myr");
  const plain = prices.find((p) => !p.rules_count) ?? prices[0];
  return plain ? ringgitToSen(Number(plain.amount)) : null;
}

export function variantTitle(variant: Pick<VariantRow, "title" | "product">): string {
  return itemTitle({ product_title: variant.product?.title, variant_title: variant.title });
}

/**
 * SST per item from product metadata: `sst_exempt: true` (no SST), `sst_rate_bp` (its own rate,
 * e.g. 600 for a 6% service); neither = the shop's rate from shop settings.
 */
export function itemTax(metadata: Record<string, unknown> | null | undefined): { taxable: boolean; sst_rate_bp: number | null } {
  const rate = metadata?.sst_rate_bp;
  return {
    taxable: metadata?.sst_exempt !== true,
    sst_rate_bp: typeof rate === "number" && Number.isInteger(rate) && rate >= 0 && rate <= 10_000 ? rate : null,
  };
}

export function toSellable(row: VariantRow, available: number | null): SellableVariant {
  const item = row.inventory_items?.[0];
  const isService = !row.manage_inventory || row.product?.metadata?.kind === "service";
  return {
    variant_id: row.id,
    product_id: row.product?.id ?? "",
    title: variantTitle(row),
    sku: row.sku ?? null,
    barcode: row.barcode ?? null,
    kind: isService ? "service" : "product",
    price_sen: myrPriceSen(row),
    available: isService ? null : available,
    ...itemTax(row.product?.metadata),
    inventory_item_id: isService ? null : (item?.inventory_item_id ?? null),
    required_quantity: Number(item?.required_quantity ?? 1) || 1,
  };
}

/** Shelf quantity (stocked − reserved) per inventory item at the location. */
export async function availableByItem(container: MedusaContainer, itemIds: string[], locationId: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!itemIds.length) return out;
  const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels(
    { inventory_item_id: itemIds, location_id: locationId },
    { select: ["inventory_item_id", "stocked_quantity", "reserved_quantity"] },
  );
  for (const level of levels) out.set(level.inventory_item_id, Number(level.stocked_quantity) - Number(level.reserved_quantity));
  return out;
}

export async function loadVariantRows(container: MedusaContainer, filters: Record<string, unknown>, take?: number): Promise<VariantRow[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  // Query answers the fields asked for, untyped (no generated types for this app): VARIANT_FIELDS are VariantRow's.
  const { data } = await query.graph({ entity: "variant", fields: VARIANT_FIELDS, filters, ...(take ? { pagination: { take, skip: 0 } } : {}) });
  return data;
}

export async function toSellables(container: MedusaContainer, rows: VariantRow[], locationId: string): Promise<SellableVariant[]> {
  const itemIds = rows.filter((r) => r.manage_inventory).flatMap((r) => r.inventory_items?.map((i) => i.inventory_item_id) ?? []);
  const available = await availableByItem(container, itemIds, locationId);
  return rows.map((row) => {
    const itemId = row.inventory_items?.[0]?.inventory_item_id;
    return toSellable(row, itemId ? (available.get(itemId) ?? 0) : 0);
  });
}

/**
 * Counter search through the search service's item query (plugins/platform search/item-sql.ts):
 * an exact code (barcode, SKU in any case, EAN, UPC) first, because that is what a scanner types;
 * then codes starting with the entry, then product / variant names by trigram. `code` alone finds
 * only the exact code.
 */
export async function searchCatalogue(container: MedusaContainer, input: { q?: string; code?: string; limit: number }, locationId: string): Promise<SellableVariant[]> {
  const found = await searchItems(sqlConnection(container), {
    q: (input.code ?? input.q ?? "").trim(),
    exactOnly: !!input.code,
    limit: input.limit,
  });
  const sellable = await loadSellableRows(sqlConnection(container), found.map((row) => row.id), locationId);
  return sellable.map(({ row, available }) => toSellable(row, available));
}
