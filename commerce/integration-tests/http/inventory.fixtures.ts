import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils";
import { createProductsWorkflow } from "@medusajs/medusa/core-flows";
import { senToRinggit } from "@voltura/domain";
import { recordOpeningStockWorkflow } from "@voltura/plugin-inventory/workflows";
import { seedShop, type ShopRefs } from "../../src/scripts/seed/shop";

/** Stocked items whose opening stock is in the ledger (so on-hand == sum(ledger) from the start). */
const ITEMS = [
  { key: "screen", title: "Galaxy A54 Screen", sku: "P-A54-LCD", barcode: "9550000000011", priceSen: 28000, stock: 4, costSen: 15000 },
  { key: "cable", title: "USB-C Cable 1m", sku: "P-USBC-1M", barcode: "9550000000028", priceSen: 1990, stock: 10, costSen: 600 },
  { key: "battery", title: "iPhone 11 Battery", sku: "P-IP11-BAT", barcode: "9550000000035", priceSen: 16000, stock: 3, costSen: 7000 },
] as const;
export type InventoryItemKey = (typeof ITEMS)[number]["key"];

export interface InventoryFixture {
  shop: ShopRefs;
  variants: Record<InventoryItemKey, string>;
  items: Record<InventoryItemKey, string>;
}

export async function seedInventoryFixture(container: MedusaContainer): Promise<InventoryFixture> {
  const shop = await seedShop(container);
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: ITEMS.map((item) => ({
        title: item.title, handle: item.sku.toLowerCase(), status: ProductStatus.PUBLISHED, metadata: { kind: "part" },
        options: [{ title: "Default", values: ["Default"] }], sales_channels: [{ id: shop.counterChannelId }],
        variants: [{ title: "Default", sku: item.sku, barcode: item.barcode, options: { Default: "Default" }, manage_inventory: true, prices: [{ amount: senToRinggit(item.priceSen), currency_code: "myr" }] }],
      })),
    },
  });
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "variant", fields: ["id", "sku", "inventory_items.inventory_item_id"], filters: { id: result.flatMap((p) => (p.variants ?? []).map((v) => v.id)) },
  });
  const variants = {} as Record<InventoryItemKey, string>;
  const items = {} as Record<InventoryItemKey, string>;
  for (const item of ITEMS) {
    const v = data.find((row) => row.sku === item.sku)!;
    variants[item.key] = v.id;
    items[item.key] = v.inventory_items![0]!.inventory_item_id;
  }
  await recordOpeningStockWorkflow(container).run({
    input: { actor_id: "test", lines: ITEMS.map((i) => ({ inventory_item_id: items[i.key], location_id: shop.stockLocationId, quantity: i.stock, unit_cost_sen: i.costSen })) },
  });
  return { shop, variants, items };
}

export async function stockedAt(container: MedusaContainer, itemId: string, locationId: string): Promise<number> {
  const [level] = await container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: itemId, location_id: locationId });
  return Number(level?.stocked_quantity ?? 0);
}
