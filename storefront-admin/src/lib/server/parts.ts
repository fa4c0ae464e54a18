import { z } from "zod";
import { PARTS_SEARCH_PRODUCT_FIELDS, ringgitToSen, SHOP_LOCATION_NAME } from "@voltura/domain";
import type { CommerceClient } from "@voltura/medusa-client";
import type { PartOption } from "$lib/types";

/**
 * Parts, accessories and services come from Medusa's product catalogue (GET /admin/products),
 * read with the staff member's token. Stock is read at the "Shop" location, where billing
 * reserves parts: in stock (stocked), held for jobs (reserved) and free to add (available).
 */

const levelSchema = z.object({
  location_id: z.string(),
  stocked_quantity: z.coerce.number(),
  reserved_quantity: z.coerce.number(),
  available_quantity: z.coerce.number().optional(),
});
const variantSchema = z.object({
  id: z.string(),
  sku: z.string().nullable(),
  title: z.string().nullable(),
  manage_inventory: z.boolean().nullable().optional(),
  prices: z.array(z.object({ amount: z.coerce.number(), currency_code: z.string() })).nullable().optional(),
  inventory_items: z
    .array(z.object({ inventory: z.object({ location_levels: z.array(levelSchema).nullable().optional() }).nullable().optional() }))
    .nullable()
    .optional(),
});
const productListSchema = z.object({
  products: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      metadata: z.record(z.string(), z.unknown()).nullable().optional(),
      variants: z.array(variantSchema).nullable().optional(),
    }),
  ),
});
const locationListSchema = z.object({ stock_locations: z.array(z.object({ id: z.string(), name: z.string() })) });

const FIELDS = PARTS_SEARCH_PRODUCT_FIELDS.join(",");

let shopLocation: { id: string | null; at: number } | undefined;

async function shopLocationId(commerce: CommerceClient): Promise<string | null> {
  if (shopLocation && Date.now() - shopLocation.at < 10 * 60_000) return shopLocation.id;
  const { stock_locations } = await commerce.request("GET", "/admin/stock-locations?fields=id,name&limit=50", locationListSchema);
  shopLocation = { id: stock_locations.find((l) => l.name === SHOP_LOCATION_NAME)?.id ?? null, at: Date.now() };
  return shopLocation.id;
}

type Kind = PartOption["kind"];
const kindOf = (metadata: Record<string, unknown> | null | undefined): Kind => {
  const k = metadata?.kind;
  return k === "part" || k === "accessory" || k === "service" ? k : "part";
};

/** Catalogue items matching `q` (title, SKU words), with price in sen and stock at the shop. */
export async function searchCatalogue(commerce: CommerceClient, q: string, limit = 12): Promise<PartOption[]> {
  const params = new URLSearchParams({ fields: FIELDS, limit: String(limit) });
  if (q.trim()) params.set("q", q.trim());
  const [list, locationId] = await Promise.all([
    commerce.request("GET", `/admin/products?${params}`, productListSchema),
    shopLocationId(commerce).catch(() => null),
  ]);
  return list.products.flatMap((product) =>
    (product.variants ?? []).map((variant): PartOption => {
      const levels = (variant.inventory_items ?? []).flatMap((i) => i.inventory?.location_levels ?? []);
      const here = locationId ? levels.filter((l) => l.location_id === locationId) : levels;
      const stocked = here.reduce((s, l) => s + l.stocked_quantity, 0);
      const reserved = here.reduce((s, l) => s + l.reserved_quantity, 0);
      const myr = (variant.prices ?? []).find((p) => p.currency_code.toLowerCase() === "myr");
      const managesStock = variant.manage_inventory !== false && kindOf(product.metadata) !== "service";
      const variantTitle = variant.title && variant.title !== "Default" ? ` (${variant.title})` : "";
      return {
        variantId: variant.id,
        title: `${product.title}${variantTitle}`,
        sku: variant.sku,
        kind: kindOf(product.metadata),
        priceSen: myr ? ringgitToSen(myr.amount) : null,
        managesStock,
        stocked: managesStock ? stocked : null,
        reserved: managesStock ? reserved : null,
        available: managesStock ? Math.max(0, stocked - reserved) : null,
      };
    }),
  );
}

/** Parts and accessories (what can be fitted) matching `q`. */
export async function searchParts(commerce: CommerceClient, q: string): Promise<PartOption[]> {
  return (await searchCatalogue(commerce, q, 15)).filter((p) => p.kind !== "service");
}

/** Fixed-price labour from the price list (services other than the diagnostic fee). */
export async function labourServices(commerce: CommerceClient): Promise<PartOption[]> {
  const items = await searchCatalogue(commerce, "labour", 30);
  return items.filter((p) => p.kind === "service");
}
