import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils";
import { findShopLocationId } from "@voltura/medusa-kit";

export interface ItemInfo {
  inventory_item_id: string;
  title: string;
  sku: string | null;
  barcode: string | null;
}

type InventoryItemGraph = {
  id: string;
  sku?: string | null;
  title?: string | null;
  variants?: Array<{ barcode?: string | null; title?: string | null; product?: { title?: string | null } | null } | null> | null;
};

/** Title, SKU and barcode of inventory items (barcode and product title from the linked variant). */
export async function loadItemInfo(container: MedusaContainer, ids?: string[]): Promise<Map<string, ItemInfo>> {
  if (ids && !ids.length) return new Map();
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "inventory_item",
    fields: ["id", "sku", "title", "variants.barcode", "variants.title", "variants.product.title"],
    ...(ids ? { filters: { id: [...new Set(ids)] } } : {}),
  });
  const out = new Map<string, ItemInfo>();
  for (const item of data as InventoryItemGraph[]) {
    const variant = item.variants?.find((v) => !!v) ?? null;
    const title = variant?.product?.title ?? item.title ?? item.sku ?? item.id;
    out.set(item.id, { inventory_item_id: item.id, title, sku: item.sku ?? null, barcode: variant?.barcode ?? null });
  }
  return out;
}

/** 404 naming the field when an inventory item does not exist. */
export async function assertItemsExist(container: MedusaContainer, ids: string[], field = "inventory_item_id"): Promise<Map<string, ItemInfo>> {
  const info = await loadItemInfo(container, ids);
  const missing = ids.find((id) => !info.has(id));
  if (missing) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: no inventory item ${missing}`);
  return info;
}

/** A location id from the request, checked, or the "Shop" location's (the default for receipts, adjustments and stock takes). */
export async function resolveLocationId(container: MedusaContainer, locationId: string | undefined): Promise<string> {
  if (!locationId) return findShopLocationId(container, "run the setup seed");
  const [location] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ id: locationId }, { take: 1 });
  if (!location) throw new MedusaError(MedusaError.Types.INVALID_DATA, `location_id: no stock location ${locationId}`);
  return location.id;
}

export async function locationNames(container: MedusaContainer): Promise<Map<string, string>> {
  const locations = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({}, { select: ["id", "name"] });
  return new Map(locations.map((l) => [l.id, l.name]));
}
